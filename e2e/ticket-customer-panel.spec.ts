import { db } from "@/lib/db/client";
import { uniqueEmail } from "@/lib/testing/factories";
import { recordTouchpoints } from "@/lib/timeline/record-touchpoints";
import { expect, test } from "./fixtures";
import { TicketPage } from "./pages/ticket-page";
import { viewports } from "./support/page-checks";

// Beside a ticket, anyone (staff too) sees who the customer is and what they did before
// writing in, and gets to their whole timeline in one click; a phone folds it away.

test("a staff member on a phone unfolds the customer's recent journey and opens their timeline", async ({ signIn, api, unique }) => {
  const { page } = await signIn("staff");
  await page.setViewportSize(viewports.phone);
  const name = unique("Maria");
  const ticket = await api.createTicket({ subject: "Where is my order?", customerEmail: uniqueEmail("customer"), customerName: name, body: "Due Monday." });
  await db().transaction((tx) =>
    recordTouchpoints(tx, [
      { customerId: ticket.customer.id, call: "page", name: "Returns", properties: { path: "/returns" }, source: "e2e", occurredAt: new Date(Date.parse(ticket.createdAt) - 60_000) },
      // After the ticket opened: not part of what led to it.
      { customerId: ticket.customer.id, call: "page", name: "Later", properties: { path: "/later" }, source: "e2e", occurredAt: new Date(Date.parse(ticket.createdAt) + 60_000) },
    ]),
  );
  const ticketPage = new TicketPage(page);
  await ticketPage.goto(ticket.id);

  const panel = page.getByRole("region", { name: "Customer" });
  await expect(panel).toBeHidden();
  await page.getByRole("button", { name: "Show customer and details" }).click();
  const journey = panel.getByRole("list", { name: "Recent journey" });
  await expect(journey.getByRole("listitem")).toHaveCount(1);
  await expect(journey).toContainText("/returns");
  await panel.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${ticket.customer.id}$`));
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
});
