import { uniqueEmail } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { SettingsPage } from "./pages/settings-page";
import { TicketPage } from "./pages/ticket-page";

test("an admin adds a teammate, who signs in with the temporary password until deactivated", async ({
  addTeammate,
  unique,
}) => {
  // Typed with stray spaces and capitals: the teammate still signs in with the plain address.
  const { settings, name, email, page: teammatePage, login, account } = await addTeammate({
    name: unique("Grace Hopper"),
    typedEmail: (email) => `  ${email.toUpperCase()} `,
  });
  await expect(settings.teammate(name)).toContainText(email);
  await expect(settings.roleOf(name)).toHaveValue("agent");
  // Choosing their own password comes first: e2e/account.spec.ts.
  await expect(account.shell.sidebar).toContainText(name);

  await settings.deactivate(name);
  await expect(settings.teammate(name)).toContainText("Deactivated");

  // The realtime socket is closed on deactivation, which sends the open page to sign-in by
  // itself; whatever the page does, the server no longer lets the session in.
  await expect(teammatePage).toHaveURL(/\/login/);
  await teammatePage.goto("/inbox");
  await expect(teammatePage).toHaveURL(/\/login/);
  await expect(login.submit).toBeVisible();
});

test("an email someone already uses is refused beside the email field", async ({ signIn, unique }) => {
  const admin = await signIn("admin");
  const taken = await signIn("staff");
  const settings = new SettingsPage(admin.page);
  await settings.goto();

  await settings.submitTeammate({ name: unique("Copycat"), email: taken.user.email.toUpperCase(), role: "staff" });

  const emailField = settings.teammateField("Email");
  await expect(emailField).toHaveAccessibleDescription("Someone on the team already uses this email");
  await expect(emailField).toHaveAttribute("aria-invalid", "true");
  await expect(settings.temporaryPassword).toHaveCount(0);
});

test("the outbox lists a reply with a link to its ticket", async ({ signIn, api, unique }) => {
  const admin = await signIn("admin");
  const ticket = await api.createTicket({
    subject: unique("Where is my parcel"),
    customerEmail: uniqueEmail("customer"),
    body: "It has been two weeks.",
  });
  const ticketPage = new TicketPage(admin.page);
  await ticketPage.goto(ticket.id);
  const firstLine = unique("It left our warehouse today");
  await ticketPage.reply(`${firstLine}\nTracking follows by email.`);
  await expect(ticketPage.replyBy(admin.user.name, firstLine)).toBeVisible();
  await expect(ticketPage.replyBy(admin.user.name, firstLine)).not.toContainText(/sending|not sent/i);

  const settings = new SettingsPage(admin.page);
  await settings.goto();
  const row = settings.outboundEmail(firstLine);
  await expect(row).toContainText(ticket.customer.email!);
  await expect(row).toContainText(`Re: ${ticket.subject} [#${ticket.number}]`);
  await expect(row).not.toContainText("Tracking follows");

  await row.getByRole("link", { name: `#${ticket.number}` }).click();
  await ticketPage.expectTicket(ticket.subject);
});
