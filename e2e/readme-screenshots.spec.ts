import { createTestUser } from "@/lib/testing/factories";
import { updateTicket } from "@/lib/tickets/update-ticket";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { TicketPage } from "./pages/ticket-page";
import { viewports } from "./support/page-checks";

// The two pictures in README.md, taken by the suite so they show the app as it is. They
// are compared with the committed files and rewritten only when the page looks different
// (playwright.config.ts: updateSnapshots "changed", snapshotPathTemplate docs/screenshots).

test("README screenshots: the inbox on a laptop, a ticket on a phone", async ({ page, api }) => {
  const { user, password, actor } = await createTestUser({ role: "agent", name: "Sam Rivera" });
  const customers = [
    { name: "Maria Garcia", subject: "Where is my order #1042?", body: "It was due on Monday and tracking has not moved.", channel: "email" },
    { name: "Tom Becker", subject: "Can I change the delivery address?", body: "I moved last week, the parcel goes to the old flat.", channel: "chat" },
    { name: "Aiko Tanaka", subject: "Missed call", body: "Voicemail: please call me back about my refund.", channel: "phone" },
    { name: "Lena Novak", subject: "Invoice for March", body: "Our accounts team needs a copy with our VAT number.", channel: "email" },
  ] as const;
  const tickets = [];
  for (const customer of customers) {
    const ticket = await api.createTicket({
      subject: customer.subject,
      // Each run has a database of its own, so fixed addresses make the same picture.
      customerEmail: `${customer.name.split(" ")[0]!.toLowerCase()}@example.net`,
      customerName: customer.name,
      body: customer.body,
      channel: customer.channel,
    });
    // Sam takes them, so the conversation's line names a person rather than this run's API key.
    await updateTicket(actor, ticket.id, { assigneeId: user.id });
    tickets.push(ticket);
  }
  const [first] = tickets;
  await api.addMessage(first!.id, { kind: "note", body: "Courier confirms it left the depot this morning." });
  await api.addMessage(first!.id, {
    kind: "reply",
    body: "Sorry for the wait, Maria. It is on its way and arrives tomorrow: https://track.example/1042",
  });

  await page.setViewportSize(viewports.desktop);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(user.email, password);
  await expect(page).toHaveURL(/\/inbox/);
  await page.goto("/inbox?status=all&assignee=me");
  await expect(page.getByRole("link", { name: /Invoice for March/ })).toBeVisible();
  await expect(page).toHaveScreenshot("inbox-desktop.png", { maxDiffPixelRatio: 0.02 });

  await page.setViewportSize(viewports.phone);
  const ticket = new TicketPage(page);
  await ticket.goto(first!.id);
  await expect(ticket.conversation.getByRole("article")).toHaveCount(3);
  await expect(page).toHaveScreenshot("ticket-phone.png", { maxDiffPixelRatio: 0.02 });
});
