import { createTestUser, uniqueEmail } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { TicketPage } from "./pages/ticket-page";

// A link to a ticket shared in chat or mail lands on that ticket, through sign-in.

test("a signed-out link to a ticket signs in and lands on the ticket", async ({ page, api, unique }) => {
  const subject = unique("Shared in chat");
  const created = await api.createTicket({ subject, customerEmail: uniqueEmail("customer"), body: "Have a look." });
  const { user, password } = await createTestUser({ role: "staff" });

  await page.goto(`/tickets/${created.id}`);
  await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent(`/tickets/${created.id}`)}`);

  await new LoginPage(page).signIn(user.email, password);
  await expect(page).toHaveURL(`/tickets/${created.id}`);
  await new TicketPage(page).expectTicket(subject);
});

test("a link with a query keeps it through sign-in", async ({ page }) => {
  const { user, password } = await createTestUser({ role: "agent" });
  await page.goto("/inbox?status=pending");
  await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent("/inbox?status=pending")}`);
  await new LoginPage(page).signIn(user.email, password);
  await expect(page).toHaveURL("/inbox?status=pending");
  await expect(page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: "Pending" })).toHaveAttribute(
    "aria-current",
    "page",
  );
});
