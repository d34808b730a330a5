import { uniqueEmail } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { InboxPage } from "./pages/inbox-page";
import { TicketPage } from "./pages/ticket-page";
import { viewports } from "./support/page-checks";
import { tabTo } from "./support/keyboard";

// Issue 12: someone without a mouse, or who hears the page instead of seeing it, can work
// a ticket on a phone: every control is reached with Tab (and nothing unseen is), and what
// others do arrives as words in a live region.

test("on a phone, Tab reaches every control of a ticket and only what can be seen", async ({ signIn, api, unique }) => {
  const { page } = await signIn("agent");
  await page.setViewportSize(viewports.phone);
  const created = await api.createTicket({ subject: unique("Keyboard only"), customerEmail: uniqueEmail("customer"), customerName: "Kim Park", body: "Hello" });
  const ticket = new TicketPage(page);
  await ticket.goto(created.id);

  await tabTo(page, ticket.shell.menuButton);
  await tabTo(page, ticket.status);
  await tabTo(page, ticket.assignee);
  const unfold = page.getByRole("button", { name: "Show customer and details" });
  await tabTo(page, unfold);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Hide customer and details" })).toHaveAttribute("aria-expanded", "true");
  await tabTo(page, page.getByRole("region", { name: "Customer" }).getByRole("link", { name: "Kim Park" }));
  await tabTo(page, ticket.message);
  await page.keyboard.type("Sent without a mouse");
  await tabTo(page, ticket.sendReply);
  await page.keyboard.press("Enter");
  await expect(ticket.conversation.getByRole("article", { name: /^Reply by / }).filter({ hasText: "Sent without a mouse" })).toBeVisible();
});

test("what a teammate adds is read out on the open ticket; one's own messages are not", async ({ signIn, api, unique }) => {
  const reader = await signIn("agent");
  const writer = await signIn("agent");
  const created = await api.createTicket({ subject: unique("Read out"), customerEmail: uniqueEmail("customer"), body: "Hello" });
  const readerTicket = new TicketPage(reader.page);
  const writerTicket = new TicketPage(writer.page);
  await readerTicket.goto(created.id);
  await readerTicket.shell.waitUntilLive();
  await writerTicket.goto(created.id);
  const announcements = reader.page.locator("[role=status][aria-live=polite]").filter({ hasText: /./ });

  const own = unique("My own reply");
  await readerTicket.reply(own);
  await expect.poll(async () => (await api.getTicket(created.id)).messages.length).toBe(2);
  await expect(writerTicket.replyBy(reader.user.name, own)).toBeVisible();
  await expect(announcements).toHaveCount(0);
  await writerTicket.note(unique("A note from my teammate"));
  await expect(announcements).toHaveText(`New internal note from ${writer.user.name}`);
});

test("a new ticket in the inbox is read out, not only flashed", async ({ signIn, api, unique }) => {
  const { page } = await signIn("agent");
  const inbox = new InboxPage(page);
  await inbox.shell.waitUntilLive();
  const subject = unique("Read out in the inbox");
  const created = await api.createTicket({ subject, customerEmail: uniqueEmail("customer"), customerName: "Lee Chan", body: "Hi" });
  await expect(page.locator("[role=status][aria-live=polite]").filter({ hasText: subject })).toHaveText(
    `New ticket #${created.number} from Lee Chan: ${subject}`,
  );
});
