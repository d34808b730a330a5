import { type Locator, type Page } from "@playwright/test";
import { AppShell } from "./app-shell";

export class SettingsPage {
  readonly shell: AppShell;
  readonly heading: Locator;
  readonly forbiddenHeading: Locator;
  readonly forbiddenStatus: Locator;

  constructor(private readonly page: Page) {
    this.shell = new AppShell(page);
    this.heading = page.getByRole("heading", { name: "Settings", exact: true, level: 1 });
    this.forbiddenHeading = page.getByRole("heading", { name: "Only admins can change settings" });
    this.forbiddenStatus = page.getByText("403", { exact: true });
  }

  /** Opens the page and returns the HTTP status it was served with. */
  async goto(): Promise<number | undefined> {
    const response = await this.page.goto("/settings");
    return response?.status();
  }
}
