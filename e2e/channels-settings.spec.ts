import { expect, test } from "./fixtures";
import { SettingsPage } from "./pages/settings-page";
import { checkPage } from "./support/page-checks";

test("an admin sets up a chat channel, gets the snippet and the identity secret once, and the audit log says so", async ({ signIn, unique }) => {
  const { page } = await signIn("admin");
  const settings = new SettingsPage(page);
  await settings.goto();
  const name = unique("Website");

  await settings.createChannel("chat", { Name: name, "Websites allowed to show the widget": "not a url" });
  await expect(settings.newChannelForm.getByText("must be an http(s) origin", { exact: false })).toBeVisible();

  await settings.createChannel("chat", { Name: name, "Websites allowed to show the widget": "https://shop.acme.test" });
  const secret = page.getByRole("region", { name: "Identity secret" });
  await expect(secret).toContainText('<script src="');
  await expect(secret.getByRole("textbox")).toHaveValue(/^whs_/);
  await expect(settings.channels.getByRole("row").filter({ hasText: name })).toContainText("Chat widget");

  await page.reload();
  await expect(settings.channels.getByRole("row").filter({ hasText: name })).toContainText(/Widget key wk_/);
  await expect(page.getByRole("region", { name: "Identity secret" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Audit log" }).getByRole("row").filter({ hasText: name })).toContainText(
    `set up the chat channel “${name}”`,
  );
});

test("an admin changes a chat channel's widget settings, and reveals and replaces its identity secret after signing for it", async ({ api, signIn, unique }) => {
  const name = unique("Website");
  const channel = await api.createChatChannel({ name, allowedOrigins: ["https://shop.acme.test"] });
  const admin = await signIn("admin");
  const { page } = admin;
  const settings = new SettingsPage(page);
  await settings.goto();

  await page.getByRole("button", { name: `Settings of ${name}` }).click();
  const form = page.getByRole("form", { name: `Chat settings of ${name}` });
  await form.getByRole("textbox", { name: "Greeting" }).fill("Hello from the shop!");
  await form.getByRole("checkbox", { name: /Ask for a name and email/ }).check();
  await form.getByRole("textbox", { name: "Time zone" }).fill("Europe/Paris");
  await form.getByLabel("Monday opens").fill("09:00");
  await form.getByRole("button", { name: "Save chat settings" }).click();
  // Half a day is refused with the reason, and nothing is saved.
  await expect(form.getByRole("group", { name: "Business hours" })).toContainText("must be a time such as 09:00");
  await form.getByLabel("Monday closes").fill("17:00");
  await form.getByRole("button", { name: "Save chat settings" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved. New chats use these settings.");
  await checkPage(page, { mustShow: [form.getByRole("button", { name: "Save chat settings" })] });

  await page.reload();
  await expect(page.getByRole("table", { name: "Audit log" }).getByRole("row").filter({ hasText: `of the channel “${name}”` })).toContainText(
    "changed businessHours, greeting, preChatForm",
  );
  await page.getByRole("button", { name: `Settings of ${name}` }).click();
  await expect(form.getByRole("textbox", { name: "Greeting" })).toHaveValue("Hello from the shop!");
  await expect(form.getByRole("checkbox", { name: /Ask for a name and email/ })).toBeChecked();
  await expect(form.getByLabel("Monday closes")).toHaveValue("17:00");

  // The secret is shown only to an admin who signs for it again.
  const secretForm = page.getByRole("form", { name: `Identity secret of ${name}` });
  await secretForm.getByLabel("Your password").fill("not my password");
  await secretForm.getByRole("button", { name: "Reveal secret" }).click();
  await expect(secretForm.getByText("That is not your password")).toBeVisible();
  await secretForm.getByLabel("Your password").fill(admin.password);
  await secretForm.getByRole("button", { name: "Reveal secret" }).click();
  const shown = page.getByRole("region", { name: "Identity secret" }).getByRole("textbox");
  await expect(shown).toHaveValue(channel.identitySecret);
  await page.getByRole("region", { name: "Identity secret" }).getByRole("button", { name: "Done" }).click();

  await secretForm.getByRole("button", { name: "Replace secret…" }).click();
  await secretForm.getByLabel("Your password").fill(admin.password);
  await secretForm.getByRole("button", { name: "Replace the secret" }).click();
  await expect(shown).toHaveValue(/^whs_/);
  expect(await shown.inputValue()).not.toBe(channel.identitySecret);

  await page.reload();
  const audit = page.getByRole("table", { name: "Audit log" });
  await expect(audit.getByRole("row").filter({ hasText: `revealed the identity secret of the channel “${name}”` })).toHaveCount(1);
  await expect(audit.getByRole("row").filter({ hasText: `replaced the identity secret of the channel “${name}”` })).toHaveCount(1);
});
