import { startDovecot, type Dovecot } from "@/lib/testing/dovecot";
import { uniqueEmail } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { SettingsPage } from "./pages/settings-page";

let dovecot: Dovecot;
test.beforeAll(async () => {
  dovecot = await startDovecot();
});
test.afterAll(async () => {
  await dovecot?.dispose();
});

test("an admin connects a mailbox over IMAP and watches its health live; aliases are edited, a taken one refused by name", async ({
  signIn,
  unique,
  api,
}) => {
  test.setTimeout(120_000);
  const { page } = await signIn("admin");
  const settings = new SettingsPage(page);
  await settings.goto();
  const name = unique("Mailbox");
  const address = uniqueEmail("imap-inbox");
  const alias = uniqueEmail("imap-alias");

  await settings.createChannel("email", {
    Name: name,
    "Support address": address,
    "Other addresses of this inbox": alias,
    "IMAP server": dovecot.host,
    Port: String(dovecot.port),
    Security: "off",
    "IMAP user name": dovecot.user,
    "IMAP password": "",
  });
  await expect(settings.newChannelForm.getByText("must not be empty")).toBeVisible();
  await settings.newChannelForm.getByLabel("IMAP password", { exact: true }).fill(dovecot.password);
  await settings.newChannelForm.getByRole("button", { name: "Create channel" }).click();

  const inbox = settings.emailInbox(name);
  await expect(settings.channels.getByRole("row").filter({ hasText: name })).toBeVisible();
  const health = inbox.getByRole("status", { name: `IMAP ${dovecot.host} / INBOX` });
  await expect(health).toContainText("Connected, waiting for mail", { timeout: 30_000 });
  await expect(health).toContainText("last fetch");
  await expect(inbox.getByLabel("Other addresses of this inbox")).toHaveValue(alias);
  await inbox.screenshot({ path: test.info().outputPath("email-inbox.png") });

  // The server goes away: the page says so without a reload, and again when it is back.
  await dovecot.stop();
  await expect(health).toContainText("Not connected", { timeout: 30_000 });
  await expect(health).toContainText("Last error");
  await dovecot.start();
  await expect(health).toContainText("Connected, waiting for mail", { timeout: 60_000 });

  const other = await api.createEmailChannel({ name: unique("Other inbox"), address: uniqueEmail("other-inbox") });
  await settings.saveAliases(name, [alias, other.address]);
  await expect(inbox.getByText(`${other.address} already belongs to another email channel`)).toBeVisible();
  const second = uniqueEmail("imap-second");
  await settings.saveAliases(name, [second]);
  await expect(inbox.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await page.reload();
  await expect(settings.emailInbox(name).getByLabel("Other addresses of this inbox")).toHaveValue(second);
  await expect(page.getByRole("table", { name: "Audit log" }).getByRole("row").filter({ hasText: name }).first()).toContainText(
    `added ${second}; removed ${alias}`,
  );
});
