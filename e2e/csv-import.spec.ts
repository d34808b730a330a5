import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { customerIdentities } from "@/lib/db/schema";
import { uniqueWord } from "@/lib/testing/factories";
import { checkPage } from "./support/page-checks";
import { expect, test, type SignedInMember } from "./fixtures";
import { CustomerPage } from "./pages/customer-page";

// An admin imports customers and their past orders from real CSV files with bad rows:
// upload, check the mapping, watch the progress, read the error report; the same file
// again adds nothing.

async function importFile(admin: SignedInMember, kind: "Customers" | "Past touchpoints", file: string) {
  const section = admin.page.getByRole("region", { name: "Import from CSV" });
  await section.getByRole("radio", { name: new RegExp(`^${kind}`) }).check();
  await section.getByLabel("CSV file").setInputFiles(file);
  await section.getByRole("button", { name: "Upload" }).click();
  const mapping = section.getByRole("form", { name: "Column mapping" });
  await expect(mapping).toBeVisible();
  return { section, mapping };
}

test("an admin imports customers and past touchpoints from CSV files with bad rows, twice, and the second time adds nothing", async ({
  signIn,
}) => {
  // Five imports through the real job queue, each waited for on a shared, loaded machine.
  test.setTimeout(300_000);
  const admin = await signIn("admin");
  const word = uniqueWord("Csv");
  const mail = word.toLowerCase();
  // A number no other test's caller has.
  const phone = `+44 20 7946 ${String(Date.now()).slice(-4)}`;
  const dir = mkdtempSync(path.join(tmpdir(), "touchbase-csv-"));
  const customersFile = path.join(dir, "customers.csv");
  writeFileSync(
    customersFile,
    [
      "Email,Full name,Plan,Phone",
      `ada.${mail}@example.com,Ada ${word},pro,`,
      "not-an-address,Broken Row,free,",
      ",Nobody Known,free,",
      `ben.${mail}@example.com,"Ben ${word}, Jr.",free,${phone}`,
      `carl.${mail}@example.com,Carl ${word},pro,call me maybe`,
    ].join("\r\n"),
  );
  await admin.page.goto("/settings");

  const first = await importFile(admin, "Customers", customersFile);
  // The headers were recognised; the person only checks them.
  await expect(first.mapping.getByRole("combobox", { name: "Email" })).toHaveValue("0");
  await expect(first.mapping.getByRole("combobox", { name: "Name", exact: true })).toHaveValue("1");
  await expect(first.mapping.getByRole("combobox", { name: "Phone" })).toHaveValue("3");
  await checkPage(admin.page);
  await first.mapping.getByRole("button", { name: "Import 5 rows" }).click();
  await expect(first.section.getByRole("status")).toHaveText("Done: 2 customers added, 0 already known, 3 rows not imported.");
  await expect(first.section.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "5");
  const report = first.section.getByRole("table", { name: "Rows not imported" });
  await expect(report.getByRole("row")).toHaveCount(4);
  await expect(report.getByRole("row").filter({ hasText: "not-an-address" })).toContainText("3");
  await expect(report.getByRole("row").filter({ hasText: "No email, phone or external id" })).toContainText("4");
  await expect(report.getByRole("row").filter({ hasText: "call me maybe" })).toContainText("6");
  await checkPage(admin.page);

  await first.section.getByRole("button", { name: "Import another file" }).click();
  const again = await importFile(admin, "Customers", customersFile);
  await again.mapping.getByRole("button", { name: "Import 5 rows" }).click();
  await expect(again.section.getByRole("status")).toHaveText("Done: 0 customers added, 2 already known, 3 rows not imported.");
  const owners = await db()
    .select({ customerId: customerIdentities.customerId })
    .from(customerIdentities)
    .where(and(eq(customerIdentities.kind, "email"), eq(customerIdentities.value, `ada.${mail}@example.com`)));
  expect(owners).toHaveLength(1);

  const ordersFile = path.join(dir, "orders.csv");
  writeFileSync(
    ordersFile,
    [
      "email,event,timestamp,order_id,total,currency",
      `ada.${mail}@example.com,Order Completed,2024-03-01T10:00:00Z,${word}-1042,59.90,EUR`,
      `ada.${mail}@example.com,Order Completed,last tuesday,${word}-1043,12.00,EUR`,
      `,Order Completed,2024-03-02T10:00:00Z,${word}-1044,12.00,EUR`,
    ].join("\n"),
  );
  for (const [round, expected] of [
    [1, "Done: 1 touchpoint added, 0 already known, 2 rows not imported."],
    [2, "Done: 0 touchpoints added, 1 already known, 2 rows not imported."],
  ] as const) {
    await again.section.getByRole("button", { name: "Import another file" }).click();
    const orders = await importFile(admin, "Past touchpoints", ordersFile);
    await expect(orders.mapping.getByRole("combobox", { name: /^When/ })).toHaveValue("2");
    await orders.mapping.getByRole("button", { name: "Import 3 rows" }).click();
    await expect(orders.section.getByRole("status"), `import ${round}`).toHaveText(expected);
    await expect(orders.section.getByRole("table", { name: "Rows not imported" })).toContainText("“last tuesday” is not a date and time");
  }

  const customerPage = new CustomerPage(admin.page);
  await customerPage.goto(owners[0]!.customerId);
  await expect(customerPage.heading).toHaveText(`Ada ${word}`);
  await expect(customerPage.timelineEntry(`Order #${word}-1042 completed`)).toHaveCount(1);
});
