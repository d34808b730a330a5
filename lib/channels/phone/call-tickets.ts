import { and, eq, isNull } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { actorColumns, type Actor } from "@/lib/auth/actor";
import type { Transaction } from "@/lib/db/client";
import { customers, ticketEvents, tickets } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

// The ticket a call a teammate logs or places belongs on: one they named (locked for the
// transaction), or a new phone ticket for a customer.

export type CallTicketTarget = { ticketId: string } | { customerId: string };

export type CallTicket = { ticketId: string; customerId: string; channelId: string | null; ticketCreated: boolean };

export async function callTicket(
  tx: Transaction,
  actor: Actor,
  target: CallTicketTarget,
  call: { direction: "inbound" | "outbound"; number: string; channelId?: string | null },
): Promise<CallTicket> {
  if ("ticketId" in target) {
    const [ticket] = await tx
      .select({ id: tickets.id, customerId: tickets.customerId, channelId: tickets.channelId })
      .from(tickets)
      .where(eq(tickets.id, target.ticketId))
      .for("update");
    if (!ticket) throw notFound("Ticket");
    return { ticketId: ticket.id, customerId: ticket.customerId, channelId: ticket.channelId, ticketCreated: false };
  }

  const [customer] = await tx
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(and(eq(customers.id, target.customerId), isNull(customers.mergedIntoId)));
  if (!customer) throw notFound("Customer");
  const who = customer.name ?? call.number;
  const ticketId = randomUUID();
  await Promise.all([
    tx.insert(tickets).values({
      id: ticketId,
      subject: call.direction === "outbound" ? `Call to ${who}` : `Call from ${who}`,
      channel: "phone",
      channelId: call.channelId ?? null,
      customerId: customer.id,
      // Whoever talked to the customer follows the ticket up.
      assigneeId: actor.type === "user" ? actor.id : null,
    }),
    tx.insert(ticketEvents).values({ ticketId, type: "ticket.created", ...actorColumns(actor), data: { channel: "phone", by: "call" } }),
  ]);
  return { ticketId, customerId: customer.id, channelId: call.channelId ?? null, ticketCreated: true };
}
