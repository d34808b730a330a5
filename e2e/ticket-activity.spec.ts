import { uniqueEmail } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { TicketPage } from "./pages/ticket-page";
import { viewports } from "./support/page-checks";
import { guardAgainstReload } from "./support/reload-guard";

// Status and assignee changes are lines in the conversation, in time order between the
// messages, arriving live like messages, in words a screen reader reads (issue 12).

test("one agent resolves and assigns a ticket; another, on a phone, sees the lines appear live", async ({ signIn, api, unique }) => {
  const ana = await signIn("agent");
  const ben = await signIn("agent");
  await ben.page.setViewportSize(viewports.phone);
  const subject = unique("Parcel never arrived");
  const ticket = await api.createTicket({ subject, customerEmail: uniqueEmail("customer"), body: "Tracking says delivered." });
  const anaTicket = new TicketPage(ana.page);
  const benTicket = new TicketPage(ben.page);
  await anaTicket.goto(ticket.id);
  await benTicket.goto(ticket.id);
  await benTicket.shell.waitUntilLive();
  const benGuard = await guardAgainstReload(ben.page);

  const reply = unique("A new parcel leaves today");
  await anaTicket.reply(reply);
  await expect(benTicket.replyBy(ana.user.name, reply)).toBeVisible();
  await anaTicket.assignee.selectOption({ label: ben.user.name });
  await anaTicket.status.selectOption("resolved");

  const assigned = benTicket.activityLine(`${ana.user.name} assigned this to ${ben.user.name}`);
  const resolved = benTicket.activityLine(`${ana.user.name} resolved this`);
  await expect(assigned).toBeVisible();
  await expect(resolved).toBeVisible();
  await expect(resolved).toBeInViewport();
  // Read out as it arrives, not only drawn.
  await expect(ben.page.getByRole("status").filter({ hasText: `${ana.user.name} resolved this` })).toBeAttached();
  await benGuard.expectNoReload();

  // In time order after the reply, the same after a reload (from the database) and for Ana.
  const order = async (page: TicketPage) =>
    (await page.conversation.locator(":scope > li").allInnerTexts()).map((text) => text.replace(/\s+/g, " ").trim());
  const expectOrder = async (page: TicketPage) => {
    const lines = await order(page);
    const at = (needle: string) => lines.findIndex((line) => line.includes(needle));
    expect(at("Tracking says delivered.")).toBeLessThan(at(reply));
    expect(at(reply)).toBeLessThan(at(`${ana.user.name} assigned this to ${ben.user.name}`));
    expect(at(reply)).toBeLessThan(at(`${ana.user.name} resolved this`));
  };
  await expectOrder(benTicket);
  await expect(anaTicket.activityLine(`${ana.user.name} resolved this`)).toBeVisible();
  await ben.page.reload();
  await expect(resolved).toBeVisible();
  await expect(assigned).toBeVisible();
  await expectOrder(benTicket);
  await expect(resolved).toContainText(/·/);
});
