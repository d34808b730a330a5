import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { actorColumns } from "@/lib/auth/actor";
import { canWorkTickets } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { ticketEvents, tickets, type TicketStatus } from "@/lib/db/schema";
import { forbidden, notFound } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import { findTicketSummary } from "./ticket-queries";
import type { TicketSummary } from "./ticket-views";

export async function changeTicketStatus(
  actor: Actor,
  ticketId: string,
  status: TicketStatus,
): Promise<TicketSummary> {
  if (!canWorkTickets(actor)) throw forbidden();

  const changed = await db().transaction(async (tx) => {
    const [before] = await tx
      .select({ status: tickets.status })
      .from(tickets)
      .where(eq(tickets.id, ticketId))
      .for("update");
    if (!before) throw notFound("Ticket");
    if (before.status === status) return false;

    await tx
      .update(tickets)
      .set({
        status,
        resolvedAt: status === "resolved" ? sql`now()` : null,
        updatedAt: sql`now()`,
      })
      .where(eq(tickets.id, ticketId));
    await tx.insert(ticketEvents).values({
      ticketId,
      type: "status.changed",
      ...actorColumns(actor),
      data: { from: before.status, to: status },
    });
    return true;
  });

  const summary = (await findTicketSummary(db(), ticketId))!;
  if (changed) publish({ type: "ticket.updated", ticket: summary, changes: ["status"] });
  return summary;
}
