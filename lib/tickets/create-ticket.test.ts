import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { customerIdentities, messages, ticketEvents } from "@/lib/db/schema";
import { createTestApiKey, createTestTicket, uniqueSuffix } from "@/lib/testing/factories";
import { subscribe } from "@/lib/events/event-bus";
import { forSubject, recordEvents } from "@/lib/testing/record-events";

describe("createTicket", () => {
  it("opens a ticket with the customer's first message and an audit entry", async () => {
    const { actor } = await createTestApiKey();
    const ticket = await createTestTicket({ actor, subject: "Broken zipper", body: "It broke on day one." });

    expect(ticket).toMatchObject({ subject: "Broken zipper", status: "open", channel: "email", lastMessageSeq: 1 });
    expect(ticket.messages).toHaveLength(1);
    expect(ticket.messages[0]).toMatchObject({
      seq: 1,
      direction: "in",
      kind: "reply",
      internal: false,
      bodyText: "It broke on day one.",
      author: { type: "customer", id: ticket.customer.id },
    });
    const audit = await db().select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
    expect(audit).toEqual([expect.objectContaining({ type: "ticket.created", actorApiKeyId: actor.id })]);
  });

  it("finds the customer by email whatever its case", async () => {
    const local = `mixed-${uniqueSuffix()}`;
    const first = await createTestTicket({ customer: { email: `${local.toUpperCase()}@Example.TEST` } });
    const second = await createTestTicket({ customer: { email: `${local}@example.test` } });

    expect(second.customer.id).toBe(first.customer.id);
    expect(first.customer.email).toBe(`${local}@example.test`);
  });

  it("makes one customer when tickets for a new address arrive at the same time", async () => {
    const email = `race-${uniqueSuffix()}@example.test`;
    const tickets = await Promise.all(Array.from({ length: 8 }, () => createTestTicket({ customer: { email } })));

    expect(new Set(tickets.map((t) => t.customer.id)).size).toBe(1);
    const identities = await db().select().from(customerIdentities).where(eq(customerIdentities.value, email));
    expect(identities).toHaveLength(1);
  });

  it("fills in a missing customer name but never overwrites one", async () => {
    const email = `named-${uniqueSuffix()}@example.test`;
    const anonymous = await createTestTicket({ customer: { email } });
    expect(anonymous.customer.name).toBeNull();
    const named = await createTestTicket({ customer: { email, name: "Ada" } });
    expect(named.customer.name).toBe("Ada");
    const renamed = await createTestTicket({ customer: { email, name: "Someone Else" } });
    expect(renamed.customer.name).toBe("Ada");
  });

  it("publishes ticket.created and message.created once the ticket is committed", async () => {
    const subject = `Event check ${uniqueSuffix()}`;
    const recorder = recordEvents(forSubject(subject));
    // Reads from another connection as each event arrives: the rows must already be
    // committed, or the inbox would show a ticket that a reload cannot find.
    const visibleWhenPublished: boolean[] = [];
    const stopChecking = subscribe(async (event) => {
      if (!forSubject(subject)(event) || !("ticket" in event)) return;
      const rows = await db().select({ id: messages.id }).from(messages).where(eq(messages.ticketId, event.ticket.id));
      visibleWhenPublished.push(rows.length === 1);
    });

    await createTestTicket({ subject });
    await vi.waitFor(() => expect(visibleWhenPublished).toHaveLength(2));
    recorder.stop();
    stopChecking();

    expect(recorder.events.map((e) => e.type)).toEqual(["ticket.created", "message.created"]);
    expect(visibleWhenPublished).toEqual([true, true]);
  });
});
