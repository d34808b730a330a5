import { desc, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { outboundEmails } from "@/lib/db/schema";
import { createTestUser } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";

async function resetLinkSentTo(address: string): Promise<string> {
  await expect.poll(async () => (await db().select().from(outboundEmails).where(eq(outboundEmails.toAddress, address))).length).toBe(1);
  const [mail] = await db().select().from(outboundEmails).where(eq(outboundEmails.toAddress, address)).orderBy(desc(outboundEmails.createdAt));
  const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(mail!.bodyText)?.[0];
  expect(link).toBeDefined();
  return new URL(link!).pathname + new URL(link!).search;
}

test("someone who forgot their password gets a single-use link by mail and signs in with the new password", async ({ newPage }) => {
  const { user } = await createTestUser({ role: "staff" });
  const page = await newPage();
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await page.getByRole("textbox", { name: "Email" }).fill(user.email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText("a link to choose a new password is on its way");

  const link = await resetLinkSentTo(user.email);
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("a brand new password");
  await page.getByLabel("Repeat it", { exact: true }).fill("a brand new password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password is changed")).toBeVisible();
  await new LoginPage(page).signIn(user.email, "a brand new password");
  await expect(page).toHaveURL(/\/inbox/);

  // The same link again, from the mail in another browser.
  const again = await newPage();
  await again.goto(link);
  await again.getByLabel("New password", { exact: true }).fill("someone else's password");
  await again.getByLabel("Repeat it", { exact: true }).fill("someone else's password");
  await again.getByRole("button", { name: "Set new password" }).click();
  await expect(again.getByRole("alert").filter({ hasText: "expired or was already used" })).toBeVisible();
  await expect(again.getByRole("link", { name: "Send me a new link" })).toBeVisible();
});
