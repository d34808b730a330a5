import { expect, type Locator, type Page } from "@playwright/test";

/**
 * What every signed-in page shows: the main navigation and the realtime connection state.
 * On a phone the navigation is a drawer behind the top bar's Menu button; openNav() opens
 * it when it is collapsed, so the same steps work at every size.
 */
export class AppShell {
  readonly sidebar: Locator;
  readonly menuButton: Locator;
  readonly closeMenuButton: Locator;
  readonly nav: Locator;
  readonly inboxLink: Locator;
  readonly settingsLink: Locator;
  readonly accountLink: Locator;
  readonly signOutButton: Locator;
  readonly realtimeStatus: Locator;

  constructor(private readonly page: Page) {
    this.sidebar = page.getByRole("complementary", { name: "Navigation" });
    this.menuButton = page.getByRole("button", { name: "Menu", exact: true });
    this.closeMenuButton = this.sidebar.getByRole("button", { name: "Close menu" });
    this.nav = page.getByRole("navigation", { name: "Main" });
    this.inboxLink = this.nav.getByRole("link", { name: "Inbox" });
    this.settingsLink = this.nav.getByRole("link", { name: "Settings" });
    this.accountLink = this.sidebar.getByRole("link", { name: "Your account" });
    this.signOutButton = this.sidebar.getByRole("button", { name: "Sign out" });
    this.realtimeStatus = page.getByRole("status", { name: "Realtime connection" });
  }

  /** Shows the navigation: a no-op where it is a sidebar, opens the drawer on a phone. */
  async openNav() {
    if (await this.menuButton.isVisible()) {
      await this.menuButton.click();
      await expect(this.nav).toBeVisible();
    }
  }

  async signOut() {
    await this.openNav();
    await this.signOutButton.click();
    await expect(this.page).toHaveURL(/\/login/);
  }

  /** Events published before the socket is connected are not this page's to receive. */
  async waitUntilLive() {
    await this.openNav();
    await expect(this.realtimeStatus).toHaveText("Live");
    if (await this.closeMenuButton.isVisible()) await this.closeMenuButton.click();
  }
}
