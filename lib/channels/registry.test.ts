import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { customers, outboundEmails, tickets } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { appendMessage } from "@/lib/tickets/append-message";
import { createTestTicket } from "@/lib/testing/factories";
import { deliverToCustomer } from "./registry";

describe("deliverToCustomer", () => {
  it.each(["note", "call", "event"] as const)("refuses to send a %s to the customer", async (kind) => {
    const created = await createTestTicket();

    const error = await db()
      .transaction(async (tx) => {
        const { ticket, message } = await appendMessage(tx, created.id, { direction: "out", kind, bodyText: "internal" });
        const [customer] = await tx.select().from(customers).where(eq(customers.id, ticket.customerId));
        await deliverToCustomer(tx, { ticket, customer: customer!, message });
      })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "note_not_deliverable", status: 422 });
  });

  it("refuses an inbound message, which is the customer's own", async () => {
    const created = await createTestTicket();
    const [ticket] = await db().select().from(tickets).where(eq(tickets.id, created.id));
    const [customer] = await db().select().from(customers).where(eq(customers.id, created.customer.id));

    const error = await db()
      .transaction(async (tx) => {
        const { message } = await appendMessage(tx, created.id, { direction: "in", kind: "reply", bodyText: "hi" });
        await deliverToCustomer(tx, { ticket: ticket!, customer: customer!, message });
      })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ code: "note_not_deliverable" });
  });

  it("hands an outbound reply on an email ticket to the outbox", async () => {
    const created = await createTestTicket();
    const messageId = await db().transaction(async (tx) => {
      const { ticket, message } = await appendMessage(tx, created.id, { direction: "out", kind: "reply", bodyText: "Hi!" });
      const [customer] = await tx.select().from(customers).where(eq(customers.id, ticket.customerId));
      await deliverToCustomer(tx, { ticket, customer: customer!, message });
      return message.id;
    });
    const outbox = await db().select().from(outboundEmails).where(eq(outboundEmails.messageId, messageId));
    expect(outbox).toHaveLength(1);
  });
});
