import { expect, type Locator, type Page } from "@playwright/test";

/** The customer search palette every signed-in page opens with Ctrl/⌘+K, and "/" outside the inbox (where "/" searches tickets). */
export class CustomerSearch {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly results: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole("dialog", { name: "Find a customer" });
    this.input = this.dialog.getByRole("combobox", { name: "Customers" });
    this.results = this.dialog.getByRole("listbox", { name: "Customers" });
  }

  async openWithSlash() {
    await this.page.keyboard.press("/");
    await expect(this.input).toBeFocused();
  }

  async openWithShortcut() {
    await this.page.keyboard.press("Control+k");
    await expect(this.input).toBeFocused();
  }

  result(text: string): Locator {
    return this.results.getByRole("option").filter({ hasText: text });
  }
}
