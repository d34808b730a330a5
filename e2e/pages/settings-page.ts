import { expect, type Locator, type Page } from "@playwright/test";
import type { UserRole } from "@/lib/users/user-roles";
import { AppShell } from "./app-shell";

export class SettingsPage {
  readonly shell: AppShell;
  readonly heading: Locator;
  readonly forbiddenHeading: Locator;
  readonly forbiddenStatus: Locator;
  readonly team: Locator;
  readonly addTeammateForm: Locator;
  readonly temporaryPassword: Locator;
  readonly outbox: Locator;
  readonly channels: Locator;
  readonly newChannelForm: Locator;

  constructor(private readonly page: Page) {
    this.shell = new AppShell(page);
    this.heading = page.getByRole("heading", { name: "Settings", exact: true, level: 1 });
    this.forbiddenHeading = page.getByRole("heading", { name: "Only admins can change settings" });
    this.forbiddenStatus = page.getByText("403", { exact: true });
    this.team = page.getByRole("table", { name: "Team" });
    this.addTeammateForm = page.getByRole("form", { name: "Add teammate" });
    this.temporaryPassword = page.getByRole("region", { name: "Temporary password" }).getByRole("textbox");
    this.outbox = page.getByRole("table", { name: "Outbox" });
    this.channels = page.getByRole("table", { name: "Channels" });
    this.newChannelForm = page.getByRole("form", { name: "New channel" });
  }

  /** Opens the page and returns the HTTP status it was served with. */
  async goto(): Promise<number | undefined> {
    const response = await this.page.goto("/settings");
    return response?.status();
  }

  async submitTeammate(teammate: { name: string; email: string; role: UserRole }) {
    await this.addTeammateForm.getByRole("textbox", { name: "Name" }).fill(teammate.name);
    await this.addTeammateForm.getByRole("textbox", { name: "Email" }).fill(teammate.email);
    await this.addTeammateForm.getByRole("combobox", { name: "Role" }).selectOption(teammate.role);
    await this.addTeammateForm.getByRole("button", { name: "Add teammate" }).click();
  }

  /** Adds someone and returns the temporary password, which is shown this once. */
  async addTeammate(teammate: { name: string; email: string; role: UserRole }): Promise<string> {
    await this.submitTeammate(teammate);
    await expect(this.temporaryPassword).toBeVisible();
    return this.temporaryPassword.inputValue();
  }

  /** A field of the add-teammate form; its error, if any, is its accessible description. */
  teammateField(field: "Name" | "Email"): Locator {
    return this.addTeammateForm.getByRole("textbox", { name: field });
  }

  teammate(name: string): Locator {
    return this.team.getByRole("row").filter({ hasText: name });
  }

  roleOf(name: string): Locator {
    return this.team.getByRole("combobox", { name: `Role of ${name}` });
  }

  async deactivate(name: string) {
    await this.team.getByRole("button", { name: `Deactivate ${name}` }).click();
    await this.teammate(name).getByRole("button", { name: "Confirm deactivate" }).click();
    await expect(this.team.getByRole("button", { name: `Reactivate ${name}` })).toBeVisible();
  }

  /** An outbound email's row, found by any text it shows (address, subject, first line). */
  outboundEmail(text: string): Locator {
    return this.outbox.getByRole("row").filter({ hasText: text });
  }

  /** An email inbox's card below the channels table: its addresses form and IMAP health. */
  emailInbox(name: string): Locator {
    return this.page.getByRole("listitem").filter({ has: this.page.getByRole("form", { name: `Addresses of ${name}` }) });
  }

  async saveAliases(name: string, aliases: string[]) {
    const inbox = this.emailInbox(name);
    await inbox.getByLabel("Other addresses of this inbox").fill(aliases.join("\n"));
    await inbox.getByRole("button", { name: "Save addresses" }).click();
  }

  /** Fills the new-channel form: the kind first, since it decides which fields there are. */
  async createChannel(kind: "email" | "chat" | "phone", fields: Record<string, string>) {
    await this.newChannelForm.getByRole("combobox", { name: "Kind" }).selectOption(kind);
    for (const [label, value] of Object.entries(fields)) {
      const field = this.newChannelForm.getByLabel(label, { exact: true });
      if ((await field.evaluate((element) => element.tagName)) === "SELECT") await field.selectOption(value);
      else await field.fill(value);
    }
    await this.newChannelForm.getByRole("button", { name: "Create channel" }).click();
  }
}
