import { uniqueEmail } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { InboxPage } from "./pages/inbox-page";
import { SettingsPage } from "./pages/settings-page";
import { TicketPage } from "./pages/ticket-page";

// Customer experience is everyone's job: any employee answers tickets; only admins
// change settings.

test("a staff member answers a ticket", async ({ signIn, api, unique }) => {
  const staff = await signIn("staff");
  const ticket = await api.createTicket({
    subject: unique("Invoice shows the wrong address"),
    customerEmail: uniqueEmail("customer"),
    body: "Could you send a corrected invoice?",
  });

  const ticketPage = new TicketPage(staff.page);
  await ticketPage.goto(ticket.id);
  await ticketPage.expectTicket(ticket.subject);
  const reply = unique("Here is the corrected invoice");
  await ticketPage.reply(reply);

  await expect(ticketPage.replyBy(staff.user.name, reply)).toBeVisible();
  await expect(ticketPage.replyBy(staff.user.name, reply)).not.toContainText(/sending|not sent/i);
  await expect
    .poll(async () => (await api.getTicket(ticket.id)).messages.map((m) => [m.kind, m.author?.id, m.bodyText]))
    .toContainEqual(["reply", staff.user.id, reply]);
});

test("a staff member is refused settings and is not offered the link", async ({ signIn }) => {
  const staff = await signIn("staff");
  const inbox = new InboxPage(staff.page);
  await expect(inbox.shell.inboxLink).toBeVisible();
  await expect(inbox.shell.settingsLink).toHaveCount(0);

  const settings = new SettingsPage(staff.page);
  expect(await settings.goto()).toBe(403);
  await expect(settings.forbiddenHeading).toBeVisible();
  await expect(settings.forbiddenStatus).toBeVisible();
  await expect(settings.heading).toHaveCount(0);
  await expect(settings.shell.settingsLink).toHaveCount(0);
});

test("an admin is offered settings and may open them", async ({ signIn }) => {
  const admin = await signIn("admin");
  const inbox = new InboxPage(admin.page);
  await inbox.shell.settingsLink.click();

  const settings = new SettingsPage(admin.page);
  await expect(settings.heading).toBeVisible();
  await expect(settings.forbiddenHeading).toHaveCount(0);
});
