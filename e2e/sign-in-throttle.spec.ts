import { signInThrottle } from "@/lib/auth/sign-in-throttle";
import { createTestUser } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";

test("after too many wrong passwords from one address even the right one is refused there for a while", async ({ page }) => {
  const { user, password } = await createTestUser({ role: "agent" });
  const login = new LoginPage(page);
  await login.goto();

  for (let attempt = 1; attempt <= signInThrottle.maxFailuresPerPair; attempt++) {
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

test("a forged X-Forwarded-For does not make each guess look like a new address", async ({ request }) => {
  const { user } = await createTestUser({ role: "agent" });
  const guess = async (attempt: number) => {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: user.email, password: `wrong-${attempt}`, json: "true" },
      headers: { "X-Forwarded-For": `198.51.100.${attempt}` },
    });
    return ((await response.json()) as { url: string }).url;
  };
  for (let attempt = 1; attempt <= signInThrottle.maxFailuresPerPair; attempt++) {
    expect(await guess(attempt)).toContain("error=CredentialsSignin");
  }
  expect(await guess(99)).toContain("error=TooManySignInAttempts");
});
