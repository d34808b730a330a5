import { expect, type Locator, type Page } from "@playwright/test";
import { AppShell } from "./app-shell";

export class AccountPage {
  readonly shell: AppShell;
  readonly heading: Locator;
  readonly passwordChangeRequired: Locator;
  readonly form: Locator;
  readonly currentPassword: Locator;
  readonly newPassword: Locator;
  readonly confirmNewPassword: Locator;
  readonly passwordChanged: Locator;

  constructor(private readonly page: Page) {
    this.shell = new AppShell(page);
    this.heading = page.getByRole("heading", { name: "Your account", level: 1 });
    this.passwordChangeRequired = page.getByText(
      "Choose your own password to continue: the one you signed in with was temporary.",
    );
    this.form = page.getByRole("form", { name: "Change password" });
    this.currentPassword = this.form.getByLabel("Current password");
    this.newPassword = this.form.getByLabel("New password", { exact: true });
    this.confirmNewPassword = this.form.getByLabel("Confirm new password");
    this.passwordChanged = this.form.getByRole("status").filter({ hasText: "Password changed" });
  }

  async goto() {
    await this.page.goto("/account");
    await expect(this.heading).toBeVisible();
  }

  /** Where every other page of the app sends someone who signed in with a temporary password. */
  async expectPasswordChangeRequired() {
    await expect(this.page).toHaveURL(/\/account\?required=1$/);
    await expect(this.heading).toBeVisible();
    await expect(this.passwordChangeRequired).toBeVisible();
  }

  async changePassword(current: string, next: string, confirmation = next) {
    await this.currentPassword.fill(current);
    await this.newPassword.fill(next);
    await this.confirmNewPassword.fill(confirmation);
    await this.form.getByRole("button", { name: "Change password" }).click();
  }
}
