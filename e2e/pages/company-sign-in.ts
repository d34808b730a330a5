import { expect, type Page } from "@playwright/test";

/** Company sign-in from the login page through the test identity provider's own pages. */
export class CompanySignIn {
  constructor(private readonly page: Page) {}

  /** Clicks "Sign in with Acme" and signs in at the provider as `login` (any password works there). */
  async signInAs(login: string, options: { from?: string } = {}) {
    await this.page.goto(options.from ?? "/login");
    await this.page.getByRole("button", { name: "Sign in with Acme" }).click();
    await this.page.getByPlaceholder("Enter any login").fill(login);
    await this.page.getByPlaceholder("and password").fill("any password");
    await this.page.getByRole("button", { name: "Sign-in" }).click();
    const consent = this.page.getByRole("button", { name: "Continue" });
    // The provider asks for consent on a client's first authorization only.
    await expect(consent.or(this.page.getByRole("main"))).toBeVisible();
    if (await consent.isVisible()) await consent.click();
  }

  async expectRefused(message: string | RegExp) {
    await expect(this.page).toHaveURL(/\/login\?.*error=/);
    await expect(this.page.getByRole("alert").filter({ hasText: message })).toBeVisible();
  }
}
