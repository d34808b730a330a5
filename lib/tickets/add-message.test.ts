import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { customers, messages, outboundEmails, tickets } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { createTestTicket, createTestUser, uniqueSuffix } from "@/lib/testing/factories";
import { forTicket, recordEvents } from "@/lib/testing/record-events";
import { addMessage } from "./add-message";
import { findTicketWithMessages } from "./ticket-queries";

async function outboundFor(messageIds: string[]) {
  return db().select().from(outboundEmails).where(inArray(outboundEmails.messageId, messageIds));
}

describe("addMessage", () => {
  it("gives concurrent messages consecutive sequence numbers without gaps or duplicates", async () => {
    const { actor } = await createTestUser({ role: "agent" });
    const ticket = await createTestTicket();

    const added = await Promise.all(
      Array.from({ length: 10 }, (_, i) => addMessage(actor, ticket.id, { kind: "note", body: `note ${i}` })),
    );

    expect(added.map((m) => m.seq).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const stored = await findTicketWithMessages(db(), ticket.id);
    expect(stored!.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(stored!.lastMessageSeq).toBe(11);
  });

  it("stores a message once when the same clientMessageId is sent twice, even at once", async () => {
    const { actor } = await createTestUser({ role: "staff" });
    const ticket = await createTestTicket({ channel: "chat" });
    const clientMessageId = `client-${uniqueSuffix()}`;

    const [a, b] = await Promise.all([
      addMessage(actor, ticket.id, { kind: "reply", body: "On my way", clientMessageId }),
      addMessage(actor, ticket.id, { kind: "reply", body: "On my way", clientMessageId }),
    ]);
    const again = await addMessage(actor, ticket.id, { kind: "reply", body: "On my way", clientMessageId });

    expect(b.id).toBe(a.id);
    expect(again.id).toBe(a.id);
    const rows = await db().select().from(messages).where(eq(messages.ticketId, ticket.id));
    expect(rows).toHaveLength(2);
  });

  it("queues exactly one outbound email for a reply on an email ticket, and none for a note", async () => {
    const { actor, user } = await createTestUser({ role: "agent" });
    const ticket = await createTestTicket({ subject: "Late parcel" });

    const reply = await addMessage(actor, ticket.id, { kind: "reply", body: "It ships today." });
    const note = await addMessage(actor, ticket.id, { kind: "note", body: "Customer is a VIP" });

    expect(reply).toMatchObject({ direction: "out", kind: "reply", internal: false, author: { id: user.id } });
    expect(note).toMatchObject({ direction: "out", kind: "note", internal: true });
    const outbound = await outboundFor([reply.id, note.id]);
    expect(outbound).toEqual([
      expect.objectContaining({
        messageId: reply.id,
        toAddress: ticket.customer.email,
        subject: `Re: Late parcel [#${ticket.number}]`,
        bodyText: "It ships today.",
      }),
    ]);
    const [row] = await db().select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row!.firstResponseAt).not.toBeNull();
  });

  it("does not count a note as the first response", async () => {
    const { actor } = await createTestUser();
    const ticket = await createTestTicket();
    await addMessage(actor, ticket.id, { kind: "note", body: "Looking into it" });
    const [row] = await db().select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row!.firstResponseAt).toBeNull();
  });

  it("publishes message.created after commit, and nothing when the transaction fails", async () => {
    const { actor } = await createTestUser();
    const ticket = await createTestTicket();
    const recorder = recordEvents(forTicket(ticket.id));

    const note = await addMessage(actor, ticket.id, { kind: "note", body: "first" });
    await recorder.settle();
    expect(recorder.events).toEqual([
      expect.objectContaining({ type: "message.created", message: expect.objectContaining({ id: note.id, internal: true }) }),
    ]);

    // Without an address the email adapter refuses the reply inside the transaction.
    await db().update(customers).set({ email: null }).where(eq(customers.id, ticket.customer.id));
    await expect(addMessage(actor, ticket.id, { kind: "reply", body: "lost" })).rejects.toMatchObject({
      code: "conflict",
    });
    await recorder.settle();
    recorder.stop();

    expect(recorder.events).toHaveLength(1);
    const stored = await findTicketWithMessages(db(), ticket.id);
    expect(stored!.messages.map((m) => m.bodyText)).toEqual(["Hello, I need help.", "first"]);
    expect(stored!.lastMessageSeq).toBe(2);
  });

  it("refuses a ticket that does not exist", async () => {
    const { actor } = await createTestUser();
    const error = await addMessage(actor, "00000000-0000-4000-8000-000000000000", { kind: "note", body: "x" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "not_found" });
  });
});
