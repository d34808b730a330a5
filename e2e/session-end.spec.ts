import { expect, test } from "./fixtures";
import { SettingsPage } from "./pages/settings-page";

test("a teammate deactivated by an admin is sent to the login page without touching anything", async ({ signIn }) => {
  const admin = await signIn("admin");
  const agent = await signIn("agent");
  await expect(agent.page.getByRole("status", { name: "Realtime connection" })).toHaveText("Live");

  const settings = new SettingsPage(admin.page);
  await settings.goto();
  await settings.deactivate(agent.user.name);

  // The server closes the agent's socket; the retry's handshake is refused, and the page
  // goes to sign-in by itself, keeping where it was as the callback.
  await expect(agent.page).toHaveURL(/\/login\?callbackUrl=%2Finbox/);
});
