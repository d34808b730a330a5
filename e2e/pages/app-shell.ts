import { expect, type Locator, type Page } from "@playwright/test";

/** What every signed-in page shows: the main navigation and the realtime connection state. */
export class AppShell {
  readonly sidebar: Locator;
  readonly nav: Locator;
  readonly inboxLink: Locator;
  readonly settingsLink: Locator;
  readonly accountLink: Locator;
  readonly signOutButton: Locator;
  readonly realtimeStatus: Locator;

  constructor(private readonly page: Page) {
    this.sidebar = page.getByRole("complementary");
    this.nav = page.getByRole("navigation", { name: "Main" });
    this.inboxLink = this.nav.getByRole("link", { name: "Inbox" });
    this.settingsLink = this.nav.getByRole("link", { name: "Settings" });
    this.accountLink = this.sidebar.getByRole("link", { name: "Your account" });
    this.signOutButton = this.sidebar.getByRole("button", { name: "Sign out" });
    this.realtimeStatus = page.getByRole("status", { name: "Realtime connection" });
  }

  async signOut() {
    await this.signOutButton.click();
    await expect(this.page).toHaveURL(/\/login/);
  }

  /** Events published before the socket is connected are not this page's to receive. */
  async waitUntilLive() {
    await expect(this.realtimeStatus).toHaveText("Live");
  }
}
