import { expect, test } from "./fixtures";
import { AccountPage } from "./pages/account-page";
import { AppShell } from "./pages/app-shell";
import { InboxPage } from "./pages/inbox-page";
import { LoginPage } from "./pages/login-page";
import { SettingsPage } from "./pages/settings-page";

test("a teammate deactivated by an admin is sent to the login page without touching anything", async ({ signIn }) => {
  const admin = await signIn("admin");
  const agent = await signIn("agent");
  await expect(agent.page.getByRole("status", { name: "Realtime connection" })).toHaveText("Live");

  const settings = new SettingsPage(admin.page);
  await settings.goto();
  await settings.deactivate(agent.user.name);

  // The server closes the agent's socket; the retry's handshake is refused, and the page
  // goes to sign-in by itself, keeping where it was as the callback.
  await expect(agent.page).toHaveURL(/\/login\?callbackUrl=%2Finbox/);
});

test("signing out ends the session: a copy of its cookie no longer opens the app", async ({ signIn, newPage }) => {
  const agent = await signIn("agent");
  const copiedCookies = await agent.context.cookies();
  await new AppShell(agent.page).signOut();

  const elsewhere = await newPage();
  await elsewhere.context().addCookies(copiedCookies);
  await elsewhere.goto("/inbox");
  await expect(elsewhere).toHaveURL(/\/login/);
});

test("a password change signs the person out everywhere else at once, and not where they changed it", async ({
  signIn,
  newPage,
}) => {
  const agent = await signIn("agent");
  const otherBrowser = await newPage();
  const otherLogin = new LoginPage(otherBrowser);
  await otherLogin.goto();
  await otherLogin.signIn(agent.user.email, agent.password);
  const otherInbox = new InboxPage(otherBrowser);
  await expect(otherInbox.heading).toBeVisible();
  await otherInbox.shell.waitUntilLive();

  const account = new AccountPage(agent.page);
  await account.goto();
  await account.changePassword(agent.password, "a new password nobody else knows");
  await expect(account.passwordChanged).toBeVisible();

  await expect(otherBrowser).toHaveURL(/\/login\?callbackUrl=%2Finbox/);
  const inbox = new InboxPage(agent.page);
  await account.shell.inboxLink.click();
  await expect(inbox.heading).toBeVisible();
  await inbox.shell.waitUntilLive();
});
