import { expect, test } from "./fixtures";
import { AccountPage } from "./pages/account-page";
import { InboxPage } from "./pages/inbox-page";
import { LoginPage } from "./pages/login-page";

test("a teammate added by an admin chooses their own password before reaching the inbox", async ({
  addTeammate,
  unique,
}) => {
  const { email, temporaryPassword, page, login, account } = await addTeammate({ name: unique("Ada Lovelace") });

  await page.goto("/inbox");
  await account.expectPasswordChangeRequired();
  // The link's in-app navigation lands back here: wait until it has, or it would reset the
  // form after it was filled.
  const sentBack = page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === "/account" && url.searchParams.has("_rsc") && url.searchParams.get("required") === "1";
  });
  await account.shell.inboxLink.click();
  await sentBack;
  await account.expectPasswordChangeRequired();

  await account.changePassword("not the temporary one", "my own password");
  await expect(account.currentPassword).toHaveAccessibleDescription("That is not your current password");
  await account.goto();
  await expect(account.passwordChangeRequired).toBeVisible();

  await account.changePassword(temporaryPassword, "my own password");
  const inbox = new InboxPage(page);
  await expect(inbox.heading).toBeVisible();
  // The socket, refused while the password was temporary, connects now.
  await inbox.shell.waitUntilLive();

  await inbox.shell.signOut();
  await login.signIn(email, temporaryPassword);
  await expect(login.error("Wrong email or password")).toBeVisible();
  await login.signIn(email, "my own password");
  await expect(inbox.heading).toBeVisible();
});

test("someone changes their password from their account and signs in with it", async ({ signIn }) => {
  const agent = await signIn("agent");
  const inbox = new InboxPage(agent.page);
  await inbox.shell.accountLink.click();
  const account = new AccountPage(agent.page);
  await expect(account.heading).toBeVisible();
  await expect(account.passwordChangeRequired).toHaveCount(0);
  await expect(agent.page.getByRole("main")).toContainText(agent.user.email);

  await account.changePassword(agent.password, "a different password", "a different passwort");
  await expect(account.confirmNewPassword).toHaveAccessibleDescription("The two new passwords do not match");

  await account.changePassword(agent.password, "aaaaaaaa");
  await expect(account.newPassword).toHaveAccessibleDescription(/more different characters/);
  await account.changePassword(agent.password, "iloveyou1");
  await expect(account.newPassword).toHaveAccessibleDescription(/one of the most common passwords/);

  await account.changePassword(agent.password, "a different password");
  await expect(account.passwordChanged).toBeVisible();
  await expect(account.currentPassword).toHaveValue("");

  await account.shell.signOut();
  const login = new LoginPage(agent.page);
  await login.signIn(agent.user.email, "a different password");
  await expect(inbox.heading).toBeVisible();
});
