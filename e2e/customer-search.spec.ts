import { and, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { customerLookups } from "@/lib/db/schema";
import { uniqueEmail, uniqueWord } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { CustomerPage } from "./pages/customer-page";
import { CustomerSearch } from "./pages/customer-search";

// Anyone in the company finds a customer in two keystrokes, from any page.

test("a staff member finds a customer by keyboard, sees their timeline, and the lookup is recorded", async ({
  signIn,
  api,
  unique,
}) => {
  const staff = await signIn("staff");
  // No other test names a customer with a word starting "Zy".
  const name = `Zyta ${uniqueWord("Quill")}`;
  const ticket = await api.createTicket({
    subject: unique("Parcel left at the wrong door"),
    customerEmail: uniqueEmail("zyta"),
    customerName: name,
    body: "The courier left it next door.",
  });

  const search = new CustomerSearch(staff.page);
  // On the inbox "/" searches tickets; everywhere else it finds a customer.
  await staff.page.goto("/account");
  await search.openWithSlash();
  await staff.page.keyboard.type("Zy");
  await expect(search.result(name)).toHaveAttribute("aria-selected", "true");
  await staff.page.keyboard.press("Enter");

  const customerPage = new CustomerPage(staff.page);
  await expect(staff.page).toHaveURL(`/customers/${ticket.customer.id}`);
  await expect(customerPage.heading).toHaveText(name);
  await expect(customerPage.identities).toContainText(ticket.customer.email!);
  await expect(customerPage.openTickets.getByRole("link", { name: ticket.subject })).toBeVisible();
  await expect(customerPage.timelineEntry(`Opened ticket #${ticket.number} · ${ticket.subject}`)).toBeVisible();
  await expect(customerPage.timelineEntry("The courier left it next door.")).toBeVisible();

  const lookups = await db()
    .select()
    .from(customerLookups)
    .where(and(eq(customerLookups.userId, staff.user.id), eq(customerLookups.customerId, ticket.customer.id)));
  expect(lookups).toHaveLength(1);
});

test("Ctrl+K opens the search for an agent too, which says when nothing matches and closes with Escape", async ({ signIn }) => {
  const agent = await signIn("agent");
  const search = new CustomerSearch(agent.page);
  await agent.page.keyboard.press("Control+k");
  await expect(search.input).toBeFocused();
  // Letters no test's customer has (every test adds "customer-…" addresses to the shared database).
  await agent.page.keyboard.type("qxzvjwkq");
  await expect(search.dialog.getByRole("status")).toHaveText("No customer matches.");
  await agent.page.keyboard.press("Escape");
  await expect(search.dialog).toBeHidden();
});
