import { expect, type Locator, type Page } from "@playwright/test";

/** What every signed-in page shows: the main navigation and the realtime connection state. */
export class AppShell {
  readonly sidebar: Locator;
  readonly nav: Locator;
  readonly inboxLink: Locator;
  readonly settingsLink: Locator;
  readonly realtimeStatus: Locator;

  constructor(page: Page) {
    this.sidebar = page.getByRole("complementary");
    this.nav = page.getByRole("navigation", { name: "Main" });
    this.inboxLink = this.nav.getByRole("link", { name: "Inbox" });
    this.settingsLink = this.nav.getByRole("link", { name: "Settings" });
    this.realtimeStatus = page.getByRole("status", { name: "Realtime connection" });
  }

  /** Events published before the socket is connected are not this page's to receive. */
  async waitUntilLive() {
    await expect(this.realtimeStatus).toHaveText("Live");
  }
}
