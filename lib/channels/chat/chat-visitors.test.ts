import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createChannel } from "@/lib/channels/create-channel";
import { db } from "@/lib/db/client";
import { auditLog, customerMerges, customers, ticketEvents, tickets } from "@/lib/db/schema";
import { createTestApiKey, uniqueSuffix } from "@/lib/testing/factories";
import { findChatChannelByKey, type ChatChannel } from "./chat-channel";
import { findVisitorTicket, listVisitorConversations, listVisitorMessages } from "./chat-queries";
import { startChatInput } from "./chat.validation";
import { openVisitorSession } from "./open-visitor-session";
import { receiveChatMessage } from "./receive-chat-message";
import { startChat } from "./start-chat";
import { WidgetRefusal } from "./visitor";

async function chatChannel(fields: Record<string, unknown> = {}): Promise<ChatChannel> {
  const { actor } = await createTestApiKey();
  const view = await createChannel(actor, { kind: "chat", name: `Site ${uniqueSuffix()}`, allowedOrigins: ["https://shop.test"], ...fields } as never);
  return (await findChatChannelByKey(db(), view.widgetKey as string))!;
}

const anonymous = (channel: ChatChannel, auth: { anonymousId?: string; token?: string; identity?: string; anonymousToken?: string } = {}) =>
  openVisitorSession(channel, { key: channel.settings.widgetKey, anonymousId: auth.anonymousId ?? randomUUID(), ...auth }, "203.0.113.9");

const signIdentity = (userId: string, secret: string) =>
  new SignJWT({ email: `${userId}@example.test`, name: "Ada" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setExpirationTime("10m")
    .sign(new TextEncoder().encode(secret));

const first = (body: string, clientMessageId = randomUUID()) => startChatInput.parse({ clientMessageId, body });

describe("chat visitors", () => {
  it("come back to their conversation with their token, and only with their own anonymous id and channel", async () => {
    const channel = await chatChannel();
    const other = await chatChannel();
    const alice = await anonymous(channel);
    const { conversation } = await startChat(alice.visitor, first("Where is my parcel?"), { away: false });

    const again = await anonymous(channel, { anonymousId: alice.visitor.anonymousId, token: alice.token });
    expect(again.visitor.customerId).toBe(alice.visitor.customerId);
    expect((await listVisitorConversations(db(), again.visitor)).map((c) => c.ticketId)).toEqual([conversation.ticketId]);

    // The token replayed with another anonymous id, or on another channel, is not Alice.
    const replayed = await anonymous(channel, { token: alice.token });
    expect(replayed.visitor.customerId).not.toBe(alice.visitor.customerId);
    const elsewhere = await anonymous(other, { anonymousId: alice.visitor.anonymousId, token: alice.token }).catch((e) => e);
    expect(elsewhere).toBeInstanceOf(WidgetRefusal);
    // Knowing Alice's anonymous id without her token opens nothing either.
    await expect(anonymous(channel, { anonymousId: alice.visitor.anonymousId })).rejects.toMatchObject({ code: "anonymous_id_taken" });
  });

  it("reach only their own conversations, whatever id they guess", async () => {
    const channel = await chatChannel();
    const alice = await anonymous(channel);
    const mallory = await anonymous(channel);
    const { conversation } = await startChat(alice.visitor, first("My address is 1 Main St"), { away: false });

    expect(await findVisitorTicket(db(), mallory.visitor, conversation.ticketId)).toBeNull();
    await expect(
      receiveChatMessage(mallory.visitor, { ticketId: conversation.ticketId, clientMessageId: randomUUID(), body: "hi", attachmentIds: [] }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await listVisitorConversations(db(), mallory.visitor)).toEqual([]);
  });

  it("store a retried message or a retried first message once", async () => {
    const channel = await chatChannel();
    const { visitor } = await anonymous(channel);
    const start = first("Hello?");
    const [a, b] = await Promise.all([startChat(visitor, start, { away: false }), startChat(visitor, start, { away: false })]);
    expect(a.conversation.ticketId).toBe(b.conversation.ticketId);

    const input = { ticketId: a.conversation.ticketId, clientMessageId: randomUUID(), body: "Anyone there?", attachmentIds: [] };
    const [x, y] = await Promise.all([receiveChatMessage(visitor, input), receiveChatMessage(visitor, input)]);
    expect(x.id).toBe(y.id);
    expect((await listVisitorMessages(db(), a.conversation.ticketId, 0)).map((m) => [m.seq, m.body])).toEqual([
      [1, "Hello?"],
      [2, "Anyone there?"],
    ]);
  });

  it("are identified only by a token the website signed, and refused anonymously when identity is required", async () => {
    const channel = await chatChannel({ requireIdentity: true });
    const userId = `user-${uniqueSuffix()}`;
    const sign = (secret: string) =>
      new SignJWT({ email: `${userId}@example.test`, name: "Ada" })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(userId)
        .setExpirationTime("10m")
        .sign(new TextEncoder().encode(secret));

    const laptop = await anonymous(channel, { identity: await sign(channel.identitySecret!) });
    const phone = await anonymous(channel, { identity: await sign(channel.identitySecret!) });
    expect(laptop.visitor.identified).toBe(true);
    expect(phone.visitor.customerId).toBe(laptop.visitor.customerId);
    expect(laptop.customer.email).toBe(`${userId}@example.test`);

    await expect(anonymous(channel, { identity: await sign("a-secret-that-is-not-the-channels") })).rejects.toMatchObject({ code: "identity_invalid" });
    await expect(anonymous(channel)).rejects.toMatchObject({ code: "identity_required" });
  });

  it("take their anonymous chats along when the website signs them in, through a recorded merge", async () => {
    const channel = await chatChannel();
    const userId = `user-${uniqueSuffix()}`;
    // Ada chatted on another device once she was signed in, and anonymously on this one.
    const earlier = await anonymous(channel, { identity: await signIdentity(userId, channel.identitySecret!) });
    const { conversation: signedIn } = await startChat(earlier.visitor, first("Signed in question"), { away: false });
    const browser = await anonymous(channel);
    const { conversation: asGuest } = await startChat(browser.visitor, first("Guest question"), { away: false });
    await receiveChatMessage(browser.visitor, { ticketId: asGuest.ticketId, clientMessageId: randomUUID(), body: "Still there?", attachmentIds: [] });

    // Someone else's anonymous id with their own signed identity takes nothing: the token is the proof.
    const mallory = await anonymous(channel, {
      anonymousId: browser.visitor.anonymousId,
      identity: await signIdentity(`mallory-${uniqueSuffix()}`, channel.identitySecret!),
    });
    expect(await listVisitorConversations(db(), mallory.visitor)).toEqual([]);

    const identify = async () =>
      anonymous(channel, {
        anonymousId: browser.visitor.anonymousId,
        identity: await signIdentity(userId, channel.identitySecret!),
        anonymousToken: browser.token,
      });
    const [ada, sameMomentOtherTab] = await Promise.all([identify(), identify()]);
    expect(ada.visitor.customerId).toBe(earlier.visitor.customerId);
    expect(sameMomentOtherTab.visitor.customerId).toBe(earlier.visitor.customerId);

    const conversations = await listVisitorConversations(db(), ada.visitor);
    expect(conversations.map((c) => c.ticketId).sort()).toEqual([signedIn.ticketId, asGuest.ticketId].sort());
    expect((await listVisitorMessages(db(), asGuest.ticketId, 0)).map((m) => m.body)).toEqual(["Guest question", "Still there?"]);

    const [guest] = await db().select().from(customers).where(eq(customers.id, browser.visitor.customerId));
    expect(guest!.mergedIntoId).toBe(ada.visitor.customerId);
    const merges = await db().select().from(customerMerges).where(eq(customerMerges.mergedId, browser.visitor.customerId));
    expect(merges).toHaveLength(1);
    expect(merges[0]).toMatchObject({ survivorId: ada.visitor.customerId, reason: "identify", movedTicketIds: [asGuest.ticketId] });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, "customer.merged"), eq(auditLog.targetId, ada.visitor.customerId)));
    expect(audit).toMatchObject({ actorUserId: null, actorApiKeyId: null, actorName: `Chat widget “${channel.name}”` });

    // The guest's token no longer opens the conversations it brought along.
    const replayed = await anonymous(channel, { anonymousId: browser.visitor.anonymousId, token: browser.token });
    expect(await listVisitorConversations(db(), replayed.visitor)).toEqual([]);
  });

  it("reopen a resolved or snoozed chat by writing again, with the reason recorded", async () => {
    const channel = await chatChannel();
    const { visitor } = await anonymous(channel);
    const { conversation } = await startChat(visitor, first("Hello"), { away: false });
    await db().update(tickets).set({ status: "snoozed", snoozedUntil: new Date(Date.now() + 3_600_000) }).where(eq(tickets.id, conversation.ticketId));

    await receiveChatMessage(visitor, { ticketId: conversation.ticketId, clientMessageId: randomUUID(), body: "Back again", attachmentIds: [] });
    const [ticket] = await db().select().from(tickets).where(eq(tickets.id, conversation.ticketId));
    expect(ticket).toMatchObject({ status: "open", snoozedUntil: null, lastMessageSeq: 2 });
    const events = await db().select().from(ticketEvents).where(eq(ticketEvents.ticketId, conversation.ticketId));
    expect(events.filter((event) => event.type === "status.changed").map((event) => event.data)).toEqual([
      { from: "snoozed", to: "open", reason: "customer_wrote" },
    ]);
  });
});
