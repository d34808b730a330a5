import { expect, test } from "./fixtures";
import { SettingsPage } from "./pages/settings-page";

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
