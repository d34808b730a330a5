import { expect, type Locator, type Page } from "@playwright/test";
import { AppShell } from "./app-shell";

export class TicketPage {
  readonly shell: AppShell;
  readonly heading: Locator;
  readonly conversation: Locator;
  readonly replyTab: Locator;
  readonly noteTab: Locator;
  readonly message: Locator;
  readonly sendReply: Locator;
  readonly addNote: Locator;
  readonly status: Locator;
  readonly assignee: Locator;

  constructor(private readonly page: Page) {
    this.shell = new AppShell(page);
    this.heading = page.getByRole("heading", { level: 1 });
    this.conversation = page.getByRole("list", { name: "Conversation" });
    this.replyTab = page.getByRole("tab", { name: "Reply" });
    this.noteTab = page.getByRole("tab", { name: "Internal note" });
    this.message = page.getByRole("textbox", { name: "Message" });
    this.sendReply = page.getByRole("button", { name: "Send reply" });
    this.addNote = page.getByRole("button", { name: "Add note" });
    this.status = page.getByRole("combobox", { name: "Status" });
    this.assignee = page.getByRole("combobox", { name: "Assignee" });
  }

  async goto(ticketId: string) {
    await this.page.goto(`/tickets/${ticketId}`);
    await expect(this.conversation).toBeVisible();
  }

  async expectTicket(subject: string) {
    await expect(this.heading).toContainText(subject);
    await expect(this.conversation).toBeVisible();
  }

  async reply(body: string) {
    await this.replyTab.click();
    await this.message.fill(body);
    await this.sendReply.click();
  }

  async note(body: string) {
    await this.noteTab.click();
    await this.message.fill(body);
    await this.addNote.click();
  }

  /** A stored message as others see it: an article named "Reply by …" or "Internal note by …". */
  replyBy(author: string, body: string): Locator {
    return this.conversation.getByRole("article", { name: `Reply by ${author}` }).filter({ hasText: body });
  }

  noteBy(author: string, body: string): Locator {
    return this.conversation.getByRole("article", { name: `Internal note by ${author}` }).filter({ hasText: body });
  }

  /** A change shown between the messages ("Ana resolved this · 14:02"). */
  activityLine(text: string): Locator {
    return this.conversation.getByRole("listitem").filter({ hasText: text });
  }
}
