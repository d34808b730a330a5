import { and, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { uniqueEmail, uniqueWord } from "@/lib/testing/factories";
import { checkPage } from "./support/page-checks";
import { expect, test } from "./fixtures";
import { CustomerPage } from "./pages/customer-page";

// Two records of one person, found and merged by hand from the customer page, then undone.

test("a staff member merges a duplicate by hand, choosing who stays, and undoes it; both are audited", async ({
  signIn,
  api,
  unique,
}) => {
  const staff = await signIn("staff");
  const word = uniqueWord("Merrow");
  const [first, second] = [`Ines ${word}`, `Inès ${word} (work)`];
  const personal = await api.createTicket({ subject: unique("Return label"), customerEmail: uniqueEmail("ines"), customerName: first, body: "Can I get a return label?" });
  const work = await api.createTicket({ subject: unique("Invoice copy"), customerEmail: uniqueEmail("ines-work"), customerName: second, body: "Please resend the invoice." });

  const customerPage = new CustomerPage(staff.page);
  await customerPage.goto(personal.customer.id);
  await staff.page.getByRole("button", { name: "Merge…" }).click();
  const dialog = staff.page.getByRole("dialog", { name: `Merge ${first} with another customer` });
  await dialog.getByRole("combobox", { name: "The same person as" }).fill(word);
  await dialog.getByRole("option").filter({ hasText: second }).click();

  // The other record stays: the page moves to it.
  await expect(dialog.getByRole("radio", { name: `${first} (this page)` })).toBeChecked();
  await dialog.getByRole("radio", { name: second }).check();
  await checkPage(staff.page);
  await dialog.getByRole("button", { name: "Merge customers" }).click();
  await expect(staff.page).toHaveURL(`/customers/${work.customer.id}`);
  await expect(customerPage.heading).toHaveText(second);
  await expect(customerPage.openTickets.getByRole("link", { name: personal.subject })).toBeVisible();
  await expect(customerPage.identities).toContainText(personal.customer.email!);
  const merges = staff.page.getByRole("region", { name: "Merged into this customer" });
  await expect(merges).toContainText(first);
  await expect(merges).toContainText(`by ${staff.user.name}`);
  // The merged record's address now leads to the one that stayed.
  await customerPage.goto(personal.customer.id);
  await expect(staff.page).toHaveURL(`/customers/${work.customer.id}`);

  await merges.getByRole("button", { name: `Undo merge of ${first}` }).click();
  await expect(merges.getByRole("status")).toContainText(`Merge undone: ${first} is a customer of their own again.`);
  await expect(customerPage.openTickets.getByRole("link", { name: personal.subject })).toBeHidden();
  await merges.getByRole("link", { name: first }).click();
  await expect(staff.page).toHaveURL(`/customers/${personal.customer.id}`);
  await expect(customerPage.openTickets.getByRole("link", { name: personal.subject })).toBeVisible();

  const audited = await db()
    .select({ action: auditLog.action, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.actorUserId, staff.user.id), eq(auditLog.targetId, work.customer.id)));
  expect(audited.map((entry) => entry.action).sort()).toEqual(["customer.merged", "customer.unmerged"]);
  expect(audited.find((entry) => entry.action === "customer.merged")!.data).toMatchObject({ reason: "manual", merged: { id: personal.customer.id } });
});
