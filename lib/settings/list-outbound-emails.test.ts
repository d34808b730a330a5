import { count, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { outboundEmails } from "@/lib/db/schema";
import { createTestTicket, createTestUser } from "@/lib/testing/factories";
import { addMessage } from "@/lib/tickets/add-message";
import { listOutboundEmails } from "./list-outbound-emails";

describe("listOutboundEmails", () => {
  it("lists replies newest first with their ticket, and no notes", async () => {
    const { actor } = await createTestUser({ role: "agent" });
    const ticket = await createTestTicket({ subject: "Parcel went missing" });
    const first = await addMessage(actor, ticket.id, { kind: "reply", body: "Looking into it.\nMore soon." });
    await addMessage(actor, ticket.id, { kind: "note", body: "Courier says delivered" });
    const second = await addMessage(actor, ticket.id, { kind: "reply", body: "Found it!" });

    const listed = await listOutboundEmails(db(), { limit: 50 });

    const ours = listed.filter((mail) => mail.ticket.id === ticket.id);
    expect(ours.map((mail) => mail.bodyText)).toEqual([second.bodyText, first.bodyText]);
    expect(ours[0]).toMatchObject({
      toAddress: ticket.customer.email,
      subject: `Re: Parcel went missing [#${ticket.number}]`,
      ticket: { id: ticket.id, number: ticket.number },
    });
  });

  it("orders by time, then id, both descending, and stops at the limit", async () => {
    const { actor } = await createTestUser({ role: "agent" });
    const ticket = await createTestTicket();
    const replies = [];
    for (const body of ["one", "two", "three"]) replies.push(await addMessage(actor, ticket.id, { kind: "reply", body }));
    const mails = await db()
      .select({ id: outboundEmails.id, messageId: outboundEmails.messageId })
      .from(outboundEmails)
      .where(inArray(outboundEmails.messageId, replies.map((reply) => reply.id)));
    // Oldest first, as sent.
    const ours = replies.map((reply) => mails.find((mail) => mail.messageId === reply.id)!.id);

    // Other tests send mail meanwhile, so list past all of it and compare only this test's mails.
    const listedIds = async () => {
      const [all] = await db().select({ total: count() }).from(outboundEmails);
      const listed = await listOutboundEmails(db(), { limit: all!.total + 100 });
      return listed.map((mail) => mail.id).filter((id) => ours.includes(id));
    };

    expect(await listedIds()).toEqual(ours.toReversed());

    // Sent at the same moment, the mails come in descending id order.
    await db()
      .update(outboundEmails)
      .set({ createdAt: new Date(Date.now() - 60_000) })
      .where(inArray(outboundEmails.id, ours));
    expect(await listedIds()).toEqual(ours.toSorted().reverse());

    expect(await listOutboundEmails(db(), { limit: 2 })).toHaveLength(2);
  });
});
