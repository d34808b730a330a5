import { uniqueEmail } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { TicketPage } from "./pages/ticket-page";
import { outboundEmailsFor } from "./support/outbox";

// Issue 12: after a reply, pressing n (as the hint says) typed an "n" into the reply box,
// and Ctrl+Enter then sent the intended note to the customer.

test("after a reply, n switches to a note instead of typing; the note never reaches the customer", async ({
  signIn,
  api,
  unique,
}) => {
  const { page } = await signIn("agent");
  const created = await api.createTicket({ subject: unique("Wrong size"), customerEmail: uniqueEmail("customer"), body: "Too small." });
  const ticket = new TicketPage(page);
  await ticket.goto(created.id);

  const reply = unique("We will send a larger size");
  await ticket.message.fill(reply);
  await ticket.message.press("Control+Enter");
  await expect(ticket.conversation.getByRole("article", { name: /^Reply by / }).filter({ hasText: reply })).toBeVisible();

  // Focus left the text box, so the next key chooses the mode.
  await expect(ticket.message).not.toBeFocused();
  await page.keyboard.press("n");
  await expect(ticket.noteTab).toHaveAttribute("aria-selected", "true");
  await expect(ticket.message).toBeFocused();
  await expect(ticket.message).toHaveValue("");

  const note = unique("Customer ordered the wrong size twice");
  await page.keyboard.type(note);
  await page.keyboard.press("Control+Enter");
  await expect(ticket.conversation.getByRole("article", { name: /^Internal note by / }).filter({ hasText: note })).toBeVisible();

  // The article shows before the server has stored it (an optimistic copy): wait for both.
  await expect.poll(async () => (await api.getTicket(created.id)).messages.length).toBe(3);
  const stored = (await api.getTicket(created.id)).messages;
  const storedNote = stored.find((message) => message.bodyText === note);
  const storedReply = stored.find((message) => message.bodyText === reply);
  expect(storedNote).toMatchObject({ kind: "note", internal: true });
  expect(storedReply).toMatchObject({ kind: "reply", internal: false });
  expect(await outboundEmailsFor(storedNote!.id)).toHaveLength(0);
  expect(await outboundEmailsFor(storedReply!.id)).toHaveLength(1);
  // Nothing stray was sent: the customer got the reply and nothing else.
  expect(stored.filter((message) => message.direction === "out" && message.kind === "reply")).toHaveLength(1);
});

test("Alt+N and Alt+R switch the mode from inside the text box and keep the draft", async ({ signIn, api, unique }) => {
  const { page } = await signIn("staff");
  const created = await api.createTicket({ subject: unique("Invoice"), customerEmail: uniqueEmail("customer"), body: "Need a copy." });
  const ticket = new TicketPage(page);
  await ticket.goto(created.id);

  await ticket.message.fill("Draft about the invoice");
  await ticket.message.press("Alt+n");
  await expect(ticket.noteTab).toHaveAttribute("aria-selected", "true");
  await expect(ticket.addNote).toBeVisible();
  await expect(page.getByText("Only your team sees internal notes.")).toBeVisible();
  await expect(ticket.message).toHaveValue("Draft about the invoice");
  await expect(ticket.message).toBeFocused();

  await ticket.message.press("Alt+r");
  await expect(ticket.replyTab).toHaveAttribute("aria-selected", "true");
  await expect(ticket.sendReply).toBeVisible();
  await expect(page.getByText("Goes to E2E Customer by email.")).toBeVisible();
  await expect(ticket.message).toHaveValue("Draft about the invoice");
});
