import { createTestUser } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { InboxPage } from "./pages/inbox-page";
import { LoginPage } from "./pages/login-page";

test("signing in with the right password opens the inbox", async ({ page }) => {
  const { user, password } = await createTestUser({ role: "agent" });
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(user.email, password);

  await expect(page).toHaveURL(/\/inbox$/);
  const inbox = new InboxPage(page);
  await expect(inbox.heading).toBeVisible();
  await expect(inbox.shell.sidebar).toContainText(user.name);
});

test("a wrong password shows an error and stays on the login page", async ({ page }) => {
  const { user } = await createTestUser({ role: "agent" });
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(user.email, "not-the-password");

  await expect(login.error(/wrong email or password/i)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expect(login.submit).toBeEnabled();
});

test("an empty form says what is missing, not that the password is wrong", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.submit.click();
  await expect(login.email).toHaveAccessibleDescription("Enter your email address");
  await expect(login.password).toHaveAccessibleDescription("Enter your password");
  await expect(login.error(/wrong email or password/i)).toHaveCount(0);

  await login.email.fill("someone@example.test");
  await login.submit.click();
  await expect(login.email).not.toHaveAccessibleDescription("Enter your email address");
  await expect(login.password).toHaveAccessibleDescription("Enter your password");
  await expect(page).toHaveURL(/\/login/);
});
