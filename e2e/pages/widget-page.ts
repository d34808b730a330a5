import { expect, type FrameLocator, type Locator, type Page } from "@playwright/test";

/** The chat widget as a visitor sees it on a shop's page: the launcher and the panel in its iframe. */
export class WidgetPage {
  readonly launcher: Locator;
  readonly panel: FrameLocator;
  readonly conversation: Locator;
  readonly message: Locator;
  readonly send: Locator;
  readonly status: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.launcher = page.getByRole("button", { name: /open chat|close chat/i });
    this.panel = page.frameLocator('iframe[title="Chat with us"]');
    this.conversation = this.panel.getByRole("log", { name: "Conversation" });
    this.message = this.panel.getByRole("textbox", { name: "Message" });
    this.send = this.panel.getByRole("button", { name: "Send", exact: true });
    this.status = this.panel.locator("#tb-status");
    this.error = this.panel.getByRole("alert");
  }

  async open(url: string) {
    await this.page.goto(url);
    await this.launcher.click();
    await expect(this.message).toBeVisible();
  }

  async write(body: string) {
    await this.message.fill(body);
    await this.send.click();
  }

  /** A message as shown in the panel, by who wrote it ("You" or the agent's first name). */
  bubble(from: string, body: string): Locator {
    return this.conversation.getByRole("listitem").filter({ hasText: from }).filter({ hasText: body });
  }

  /** The texts of every message in the panel, in order. */
  async messageTexts(): Promise<string[]> {
    return this.conversation.locator("li.msg .body").allTextContents();
  }
}
