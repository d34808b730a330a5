import { eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { weekdays } from "@/lib/channels/chat/business-hours";
import { db } from "@/lib/db/client";
import { customers, messages, tickets } from "@/lib/db/schema";
import { uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";
import { expect, test as base } from "./fixtures";
import { InboxPage } from "./pages/inbox-page";
import { TicketPage } from "./pages/ticket-page";
import { WidgetPage } from "./pages/widget-page";
import { outboundEmailsFor } from "./support/outbox";
import { checkPage, controlProblems, viewports } from "./support/page-checks";
import { ShopSite } from "./support/shop-site";

// The widget on someone else's website: a page served from another port, so another origin.
const shopPortBase = Number(process.env.E2E_SHOP_PORT ?? Number(process.env.E2E_PORT ?? 3200) + 200);

const onePixelPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

const test = base.extend<{ visitor: () => Promise<WidgetPage> }, { shop: ShopSite }>({
  shop: [
    async ({}, use, workerInfo) => {
      const appUrl = `http://127.0.0.1:${process.env.E2E_PORT ?? 3200}`;
      const shop = await ShopSite.start(shopPortBase + workerInfo.workerIndex, appUrl);
      await use(shop);
      await shop.close();
    },
    { scope: "worker" },
  ],
  visitor: async ({ newPage }, use) => {
    await use(async () => new WidgetPage(await newPage()));
  },
});

test("an anonymous visitor and an agent chat both ways, live, and the chat survives a reload", async ({ api, shop, signIn, visitor: newVisitor }) => {
  // Several browsers at once on a machine shared with other runs.
  test.slow();
  const channel = await api.createChatChannel({ name: `Shop ${uniqueSuffix()}`, allowedOrigins: [shop.origin] });
  const agent = await signIn("agent");
  const inbox = new InboxPage(agent.page);
  await inbox.shell.waitUntilLive();

  const visitor = await newVisitor();
  await visitor.open(shop.page(channel.widgetKey, { path: "/boots" }));
  const question = `Do these boots come in size 46? ${uniqueSuffix()}`;
  await visitor.write(question);
  await expect(visitor.bubble("You", question)).toBeVisible();

  // Live in the inbox, opened with the visitor's page beside it.
  await expect(inbox.ticket(question)).toBeVisible();
  await inbox.openTicket(question);
  const ticket = new TicketPage(agent.page);
  await expect(ticket.conversation.getByText(question)).toBeVisible();
  await expect(agent.page.getByRole("link", { name: "Shop /boots" })).toBeVisible();

  // Typing both ways.
  await visitor.message.fill("Also, ");
  await expect(agent.page.getByRole("status").filter({ hasText: "is typing…" })).toBeVisible();
  await ticket.replyTab.click();
  await ticket.message.fill("Let me check");
  await expect(visitor.panel.getByText(/is typing…/)).toBeVisible();

  const answer = `Yes, size 46 is in stock. ${uniqueSuffix()}`;
  await ticket.message.fill(answer);
  await ticket.sendReply.click();
  await expect(visitor.bubble(agent.user.name.split(" ")[0]!, answer)).toBeVisible();
  // The visitor has the panel open: the agent sees the reply was read.
  await expect(agent.page.getByText("Seen by the customer")).toBeVisible();

  const followUp = `Great, and the return policy? ${uniqueSuffix()}`;
  await visitor.write(followUp);
  await expect(ticket.conversation.getByText(followUp)).toBeVisible();
  await expect(visitor.bubble("You", question)).toContainText("You");

  // A photo goes through; a page of HTML does not.
  const photo = `boots-${uniqueSuffix()}.png`;
  await visitor.panel.getByLabel("Attach a file").setInputFiles({ name: photo, mimeType: "image/png", buffer: onePixelPng });
  await expect(visitor.panel.getByRole("img", { name: photo })).toBeVisible();
  await expect(ticket.conversation.getByRole("link", { name: photo })).toBeVisible();
  await visitor.panel.getByLabel("Attach a file").setInputFiles({ name: "page.html", mimeType: "text/html", buffer: Buffer.from("<script>alert(1)</script>") });
  await expect(visitor.error).toHaveText("page.html: this type of file can't be sent.");

  // A reload keeps the conversation: the anonymous id and our token in the page's storage.
  await visitor.page.reload();
  await visitor.launcher.click();
  await expect(visitor.bubble("You", followUp)).toBeVisible();
  expect(await visitor.messageTexts()).toEqual([question, answer, followUp]);
  await expect(visitor.panel.getByRole("img", { name: photo })).toBeVisible();
});

/** The ticket a visitor's message went to, once it is stored (the panel shows it while still sending). */
async function storedTicketOf(body: string): Promise<string> {
  let ticketId: string | undefined;
  await expect
    .poll(async () => {
      [{ ticketId } = { ticketId: undefined }] = await db().select({ ticketId: messages.ticketId }).from(messages).where(eq(messages.bodyText, body));
      return ticketId;
    })
    .toBeDefined();
  return ticketId!;
}

/** What the shop's server does for its signed-in user: a short-lived JWT signed with the channel's identity secret. */
const signIdentity = (userId: string, secret: string) =>
  new SignJWT({ email: `${userId}@example.test`, name: "Ada Lovelace" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(new TextEncoder().encode(secret));

test("a signed-in customer sees their earlier chat on another device; a forged identity gets nothing", async ({ api, shop, visitor: newVisitor }) => {
  // Several browsers at once on a machine shared with other runs.
  test.slow();
  const channel = await api.createChatChannel({ name: `Shop ${uniqueSuffix()}`, allowedOrigins: [shop.origin] });
  const userId = `user-${uniqueSuffix()}`;

  const laptop = await newVisitor();
  await laptop.open(shop.page(channel.widgetKey, { identity: await signIdentity(userId, channel.identitySecret) }));
  const earlier = `Where is order 1042? ${uniqueSuffix()}`;
  await laptop.write(earlier);
  await expect(laptop.bubble("You", earlier)).toBeVisible();

  const phone = await newVisitor();
  await phone.open(shop.page(channel.widgetKey, { identity: await signIdentity(userId, channel.identitySecret) }));
  await expect(phone.bubble("You", earlier)).toBeVisible();

  const forger = await newVisitor();
  await forger.open(shop.page(channel.widgetKey, { identity: await signIdentity(userId, "not-the-channel-secret-but-long-enough") }));
  await expect(forger.status).toHaveText("We could not confirm who you are. Please sign in again.");
  await expect(forger.conversation.getByText(earlier)).toHaveCount(0);

  // With "require identity", an anonymous visitor cannot chat at all.
  const members = await api.createChatChannel({ name: `Members ${uniqueSuffix()}`, allowedOrigins: [shop.origin], requireIdentity: true });
  const stranger = await newVisitor();
  await stranger.open(shop.page(members.widgetKey));
  await expect(stranger.status).toHaveText("Please sign in to chat with us.");
});

test("outside business hours the visitor leaves an email, and the later answer reaches it by mail", async ({ api, shop, visitor: newVisitor }) => {
  // Several browsers at once on a machine shared with other runs.
  test.slow();
  // Open one hour on a day that is not today: closed now, whatever the time.
  const openDay = weekdays[(new Date().getUTCDay() + 3) % 7]!;
  const channel = await api.createChatChannel({
    name: `Shop ${uniqueSuffix()}`,
    allowedOrigins: [shop.origin],
    businessHours: { timeZone: "UTC", days: { [openDay]: { open: "09:00", close: "10:00" } } },
  });
  const visitor = await newVisitor();
  await visitor.open(shop.page(channel.widgetKey));
  await expect(visitor.panel.getByText(/We're away right now\. We'll answer from \w+ 09:00/)).toBeVisible();

  const question = `Can I still return my tent? ${uniqueSuffix()}`;
  await visitor.write(question);
  await expect(visitor.bubble("You", question)).toBeVisible();
  const email = uniqueEmail("visitor");
  await visitor.panel.getByRole("textbox", { name: "Your email for our answer" }).fill(email);
  await visitor.panel.getByRole("button", { name: "Send me the answer" }).click();
  await expect(visitor.panel.getByText(`We'll also send our answer to ${email}.`)).toBeVisible();
  await visitor.page.context().close();
  // The answer goes by mail only to a visitor who is not in the chat: give the server a
  // moment to see the closed page's socket go (it is told by the socket's close, not polled).
  await new Promise((resolve) => setTimeout(resolve, 2000));

  const ticketId = await storedTicketOf(question);
  const answer = `Yes, within 30 days. ${uniqueSuffix()}`;
  const reply = await api.addMessage(ticketId, { kind: "reply", body: answer });
  const [mail] = await outboundEmailsFor(reply.id);
  expect(mail).toMatchObject({ toAddress: email, bodyText: answer });
});

test("after the connection is cut while both sides write, both show the same messages in the same order", async ({ api, shop, signIn, visitor: newVisitor }) => {
  // Several browsers at once on a machine shared with other runs.
  test.slow();
  const channel = await api.createChatChannel({ name: `Shop ${uniqueSuffix()}`, allowedOrigins: [shop.origin] });
  const agent = await signIn("agent");
  const visitor = await newVisitor();
  await visitor.open(shop.page(channel.widgetKey));
  const opening = `Hello ${uniqueSuffix()}`;
  await visitor.write(opening);
  await expect(visitor.bubble("You", opening)).toBeVisible();
  const ticket = new TicketPage(agent.page);
  await ticket.goto(await storedTicketOf(opening));
  await ticket.replyTab.click();

  // The visitor's connection drops; both keep writing.
  await visitor.page.context().setOffline(true);
  await expect(visitor.status).toHaveText("Reconnecting…");
  const sent: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const fromVisitor = `visitor offline ${i} ${uniqueSuffix()}`;
    await visitor.write(fromVisitor);
    const fromAgent = `agent ${i} ${uniqueSuffix()}`;
    await ticket.message.fill(fromAgent);
    await ticket.sendReply.click();
    await expect(ticket.conversation.getByText(fromAgent)).toBeVisible();
    sent.push(fromVisitor, fromAgent);
  }
  await visitor.page.context().setOffline(false);

  // Then the agent's connection drops while the visitor writes.
  await agent.context.setOffline(true);
  await expect(agent.page.getByText(/reconnecting/i).first()).toBeVisible();
  const whileAgentAway = `visitor while agent offline ${uniqueSuffix()}`;
  await visitor.write(whileAgentAway);
  await agent.context.setOffline(false);
  sent.push(whileAgentAway);

  for (const text of sent) {
    await expect(visitor.conversation.getByText(text)).toHaveCount(1);
    await expect(ticket.conversation.getByText(text)).toHaveCount(1);
  }
  await expect(visitor.panel.getByText("Sending…")).toHaveCount(0);
  const agentTexts = await ticket.conversation.getByRole("article").locator("p").allTextContents();
  const visitorTexts = await visitor.messageTexts();
  expect(visitorTexts).toEqual(agentTexts);
  expect(visitorTexts).toHaveLength(1 + sent.length);
  expect(new Set(visitorTexts).size).toBe(visitorTexts.length);
});

test("on a phone, a new visitor gives a name and email in the pre-chat form first; the panel passes the page checks", async ({ api, shop, visitor: newVisitor }) => {
  const channel = await api.createChatChannel({ name: `Shop ${uniqueSuffix()}`, allowedOrigins: [shop.origin], preChatForm: true });
  const visitor = await newVisitor();
  await visitor.page.setViewportSize(viewports.phone);
  await visitor.open(shop.page(channel.widgetKey));

  const name = visitor.panel.getByRole("textbox", { name: "Name" });
  const email = visitor.panel.getByRole("textbox", { name: "Email" });
  await expect(visitor.panel.getByRole("group", { name: "About you" })).toBeVisible();
  // axe-core on the shop's page takes in the panel's frame; the panel's own controls are checked in it.
  await checkPage(visitor.page, { mustShow: [name, email, visitor.message, visitor.send] });
  const panelFrame = visitor.page.frames().find((frame) => frame.url().includes("/widget/frame"))!;
  expect(await controlProblems(panelFrame)).toEqual([]);

  const question = `Can I return worn shoes? ${uniqueSuffix()}`;
  await visitor.write(question);
  await expect(visitor.error).toHaveText("Please enter your email so we can reach you.");
  await expect(email).toBeFocused();
  await expect(visitor.conversation.getByText(question)).toHaveCount(0);

  const address = uniqueEmail("prechat");
  await name.fill("Grace <b>Hopper</b>");
  await email.fill(address);
  await visitor.write(question);
  await expect(visitor.bubble("You", question)).toBeVisible();
  // Asked once: the form is gone for the rest of the conversation.
  await expect(visitor.panel.getByRole("group", { name: "About you" })).toBeHidden();

  const ticketId = await storedTicketOf(question);
  const [customer] = await db()
    .select({ name: customers.name, email: customers.email })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .where(eq(tickets.id, ticketId));
  expect(customer).toEqual({ name: "Grace <b>Hopper</b>", email: address });
  await checkPage(visitor.page, { mustShow: [visitor.bubble("You", question)] });
});
