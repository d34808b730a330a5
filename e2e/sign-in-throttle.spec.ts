import { signInThrottle } from "@/lib/auth/sign-in-throttle";
import { createTestUser } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";

test("after too many wrong passwords even the right one is refused for a while", async ({ page }) => {
  const { user, password } = await createTestUser({ role: "agent" });
  const login = new LoginPage(page);
  await login.goto();

  for (let attempt = 1; attempt <= signInThrottle.maxFailures; attempt++) {
    // Every guess must reach the server before the next, or the count would race the form.
    const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
    await login.signIn(user.email, `wrong-password-${attempt}`);
    await answered;
    await expect(login.error(/wrong email or password/i)).toBeVisible();
  }

  await login.signIn(user.email, password);

  await expect(login.error("Too many sign-in attempts. Try again in a few minutes.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expect(login.submit).toBeEnabled();
});
