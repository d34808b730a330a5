import { and, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { customerIdentities } from "@/lib/db/schema";
import { createTestApiKey, uniqueWord } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { CustomerPage } from "./pages/customer-page";
import { CustomerSearch } from "./pages/customer-search";

// Anyone can send events with a write key embedded in a website, so names, traits and
// properties are hostile input: the staff UI shows them as the text they are.

test("HTML and script in a customer's name, traits and touchpoints are shown as text and never run", async ({ signIn, request }) => {
  const word = uniqueWord("Zx");
  const userId = `hostile-${word}`;
  const name = `<img src=x onerror="window.__pwned='name'">${word}`;
  const { key } = await createTestApiKey({ scope: "ingest" });
  const response = await request.post("/api/v1/batch", {
    headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
    data: {
      batch: [
        {
          type: "identify",
          userId,
          traits: { name, bio: "<script>window.__pwned='trait'</script>", "<b>plan</b>": "<svg onload=\"window.__pwned='key'\">" },
        },
        { type: "track", userId, event: "<script>window.__pwned='event'</script>Clicked", properties: { note: "<img src=y onerror=\"window.__pwned='property'\">" } },
        { type: "page", userId, name: "<iframe src=javascript:window.__pwned='page'>", properties: { path: "/<b>bold</b>" } },
      ],
    },
  });
  expect(await response.json()).toEqual({ success: true });
  const [identity] = await db()
    .select({ customerId: customerIdentities.customerId })
    .from(customerIdentities)
    .where(and(eq(customerIdentities.kind, "external_id"), eq(customerIdentities.value, userId)));

  const staff = await signIn("staff");
  const dialogs: string[] = [];
  staff.page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const search = new CustomerSearch(staff.page);
  // Ctrl+K (on the inbox "/" searches tickets) works once the page is interactive.
  await expect(async () => {
    await staff.page.keyboard.press("Control+k");
    await expect(search.input).toBeFocused({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await staff.page.keyboard.type(word);
  await expect(search.result(name)).toBeVisible();
  await staff.page.keyboard.press("Enter");

  const customerPage = new CustomerPage(staff.page);
  await expect(staff.page).toHaveURL(`/customers/${identity!.customerId}`);
  await expect(customerPage.heading).toHaveText(name);
  const traits = staff.page.getByRole("definition").filter({ hasText: "<script>window.__pwned='trait'</script>" });
  await expect(traits).toBeVisible();
  await expect(staff.page.getByRole("term").filter({ hasText: "<b>plan</b>" })).toBeVisible();
  await expect(customerPage.timelineEntry("<script>window.__pwned='event'</script>Clicked")).toBeVisible();
  await expect(customerPage.timelineEntry("Visited /<b>bold</b>")).toBeVisible();

  expect(await staff.page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
  await expect(staff.page.locator("main img[src=x], main img[src=y], main svg[onload], main iframe, main script")).toHaveCount(0);
  await expect(staff.page.locator("main b")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
