import { expect, type Locator, type Page } from "@playwright/test";
import { AppShell } from "./app-shell";

export class CustomerPage {
  readonly shell: AppShell;
  readonly heading: Locator;
  readonly identities: Locator;
  readonly openTickets: Locator;
  readonly pastTickets: Locator;
  readonly timeline: Locator;

  constructor(private readonly page: Page) {
    this.shell = new AppShell(page);
    this.heading = page.getByRole("heading", { level: 1 });
    this.identities = page.getByRole("list", { name: "Identities" });
    this.openTickets = page.getByRole("list", { name: "Open tickets" });
    this.pastTickets = page.getByRole("list", { name: "Past tickets" });
    this.timeline = page.getByRole("region", { name: "Timeline" });
  }

  timelineEntry(text: string): Locator {
    return this.timeline.getByRole("list", { name: "Timeline entries" }).getByRole("listitem").filter({ hasText: text });
  }

  async goto(customerId: string) {
    await this.page.goto(`/customers/${customerId}`);
    await expect(this.heading).toBeVisible();
  }
}
