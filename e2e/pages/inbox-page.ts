import { expect, type Locator, type Page } from "@playwright/test";
import { AppShell } from "./app-shell";

export class InboxPage {
  readonly shell: AppShell;
  readonly heading: Locator;

  constructor(private readonly page: Page) {
    this.shell = new AppShell(page);
    this.heading = page.getByRole("heading", { name: "Inbox", level: 1 });
  }

  async goto() {
    await this.page.goto("/inbox");
    await expect(this.heading).toBeVisible();
  }

  /** A ticket's row: its link is named after the subject, then number, customer, status. */
  ticket(subject: string): Locator {
    return this.page.getByRole("link", { name: subject });
  }

  async openTicket(subject: string) {
    await this.ticket(subject).click();
    await expect(this.page).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
  }
}
