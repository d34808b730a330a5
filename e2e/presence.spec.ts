import { uniqueEmail } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { TicketPage } from "./pages/ticket-page";

test("two colleagues on one ticket see each other, see who writes, and a reply overtaken by the other's is stopped until sent anyway", async ({
  signIn,
  api,
  unique,
}) => {
  const ana = await signIn("agent");
  const ben = await signIn("staff");
  const ticket = await api.createTicket({ subject: unique("Presence"), customerEmail: uniqueEmail("customer"), body: "Is my order shipped?" });
  const anaTicket = new TicketPage(ana.page);
  const benTicket = new TicketPage(ben.page);
  await anaTicket.goto(ticket.id);
  await benTicket.goto(ticket.id);
  const anaPresence = ana.page.getByRole("status", { name: "Who else is here" });
  const benPresence = ben.page.getByRole("status", { name: "Who else is here" });
  await expect(anaPresence).toContainText(`Also here: ${ben.user.name}`);
  await expect(benPresence).toContainText(`Also here: ${ana.user.name}`);

  // Ana starts a reply; Ben sees her writing.
  await anaTicket.replyTab.click();
  await anaTicket.message.pressSequentially("It left our warehouse");
  await expect(benPresence).toContainText(`${ana.user.name} is writing a reply…`);

  // Ben answers first.
  const benReply = unique("Shipped yesterday, tracking to follow");
  await benTicket.reply(benReply);
  await expect(anaTicket.replyBy(ben.user.name, benReply)).toBeVisible();

  // Ana's send is stopped and says why; her text stays.
  await anaTicket.sendReply.click();
  const guard = ana.page.getByRole("alert").filter({ hasText: "Not sent" });
  await expect(guard).toContainText(`while you were writing, ${ben.user.name} replied: “${benReply}”`);
  await expect(anaTicket.message).toHaveValue("It left our warehouse");
  await guard.getByRole("button", { name: "Send anyway" }).click();
  await expect(anaTicket.replyBy(ana.user.name, "It left our warehouse")).toBeVisible();
  await expect(benTicket.replyBy(ana.user.name, "It left our warehouse")).toBeVisible();
  await expect(guard).toBeHidden();

  // Ben leaves: Ana no longer sees him.
  await ben.page.close();
  await expect(anaPresence).not.toContainText(ben.user.name);
});
