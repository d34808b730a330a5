import { eq } from "drizzle-orm";
import { parseMime } from "@/lib/channels/email/parse-mime";
import { db } from "@/lib/db/client";
import { tickets, users } from "@/lib/db/schema";
import { createTestUser, uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";
import { startSmtpSink } from "@/lib/testing/smtp-sink";
import { e2eSinkPort } from "../playwright.config";
import { expect, test } from "./fixtures";
import { InboxPage } from "./pages/inbox-page";
import { TicketPage } from "./pages/ticket-page";

// The last word of a test user's name is unique to them: what one types after @.
const lastWord = (name: string) => name.split(" ").at(-1)!;

test("an @mention in a note rings the colleague's bell live, lists the ticket in their Mentions view and mails them a link", async ({
  signIn,
  api,
  unique,
}) => {
  const sink = await startSmtpSink(e2eSinkPort);
  try {
    await api.createEmailChannel({ name: "E2E notifications", address: `support-${uniqueSuffix()}@e2e.touchbase.test` });
    const ana = await signIn("agent");
    const ben = await signIn("staff");
    const subject = unique("Refund for order 1042");
    const ticket = await api.createTicket({ subject, customerEmail: uniqueEmail("customer"), body: "Where is my refund?" });

    const benInbox = new InboxPage(ben.page);
    await benInbox.shell.waitUntilLive();
    const bell = ben.page.getByRole("button", { name: /^Notifications/ });
    await expect(bell).toHaveAccessibleName("Notifications");

    const anaTicket = new TicketPage(ana.page);
    await anaTicket.goto(ticket.id);
    await anaTicket.shell.waitUntilLive();
    await anaTicket.noteTab.click();
    await anaTicket.message.pressSequentially(`Can @${lastWord(ben.user.name).slice(0, 6)}`);
    const picker = ana.page.getByRole("listbox", { name: "Mention a teammate" });
    await expect(picker.getByRole("option", { name: ben.user.name })).toHaveAttribute("aria-selected", "true");
    await anaTicket.message.press("Enter");
    await expect(picker).toBeHidden();
    await anaTicket.message.pressSequentially("check the refund with finance?");
    await expect(anaTicket.message).toHaveValue(`Can @${ben.user.name} check the refund with finance?`);
    await anaTicket.addNote.click();
    await expect(anaTicket.noteBy(ana.user.name, "check the refund with finance?")).toBeVisible();

    // Ben's bell, in another browser, counts it without a reload.
    await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
    await bell.click();
    const entry = ben.page.getByRole("region", { name: "Notifications" }).getByRole("link", { name: new RegExp(`${ana.user.name} mentioned you on #${ticket.number}`) });
    await expect(entry).toBeVisible();

    await ben.page.getByRole("link", { name: "Mentions" }).click();
    await expect(ben.page.getByRole("heading", { level: 1, name: "Mentions" })).toBeVisible();
    await expect(benInbox.ticket(subject)).toBeVisible();

    // Opening it from the bell marks it read.
    await bell.click();
    await entry.click();
    await expect(ben.page).toHaveURL(new RegExp(`/tickets/${ticket.id}$`));
    await expect(bell).toHaveAccessibleName("Notifications");

    // And by mail, through the real SMTP sender, with a link straight to the ticket.
    await expect.poll(() => sink.received.filter((mail) => mail.to.includes(ben.user.email)).length, { timeout: 30_000 }).toBe(1);
    const mail = await parseMime(sink.received.find((m) => m.to.includes(ben.user.email))!.raw);
    expect(mail.subject).toBe(`${ana.user.name} mentioned you on #${ticket.number} ${subject}`);
    expect(mail.text).toContain(`/tickets/${ticket.id}`);
    expect(mail.text).toContain("check the refund with finance?");
  } finally {
    await sink.close();
  }
});

test("a person deactivated after the page loaded can't be mentioned: the note is refused and kept", async ({ signIn, api, unique }) => {
  const ana = await signIn("agent");
  const { user: leaving } = await createTestUser({ role: "staff" });
  const ticket = await api.createTicket({ subject: unique("Mention refused"), customerEmail: uniqueEmail("customer"), body: "Hi" });
  const page = new TicketPage(ana.page);
  await page.goto(ticket.id);
  await page.noteTab.click();
  await page.message.pressSequentially(`@${lastWord(leaving.name)}`);
  await page.message.press("Enter");
  await db().update(users).set({ active: false }).where(eq(users.id, leaving.id));
  await page.message.pressSequentially("please look");
  await page.addNote.click();
  await expect(ana.page.getByRole("alert").filter({ hasText: /\w/ })).toContainText(`${leaving.name} is deactivated and can't be mentioned`);
  await expect(page.message).toHaveValue(`@${leaving.name} please look`);
});

test("a status change against a ticket a colleague changed meanwhile is refused and shows the ticket as it is now", async ({ signIn, api, unique }) => {
  const ana = await signIn("agent");
  const ticket = await api.createTicket({ subject: unique("Stale resolve"), customerEmail: uniqueEmail("customer"), body: "Hi" });
  const page = new TicketPage(ana.page);
  await page.goto(ticket.id);
  await expect(page.status).toHaveValue("open");

  // A colleague's change the page has not heard of (written straight to the database).
  await db().update(tickets).set({ status: "pending" }).where(eq(tickets.id, ticket.id));

  await page.status.selectOption("resolved");
  await expect(ana.page.getByRole("alert").filter({ hasText: /\w/ })).toContainText("changed this ticket a moment ago, so your change was not saved");
  await expect(page.status).toHaveValue("pending");
  expect((await api.getTicket(ticket.id)).status).toBe("pending");
});
