import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { actorColumns } from "@/lib/auth/actor";
import { canWorkTickets } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { ticketEvents, tickets, users } from "@/lib/db/schema";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import { findTicketSummary } from "./ticket-queries";
import type { TicketSummary } from "./ticket-views";

/** Assigns a ticket to an active teammate, or unassigns it with `null`. */
export async function assignTicket(
  actor: Actor,
  ticketId: string,
  assigneeId: string | null,
): Promise<TicketSummary> {
  if (!canWorkTickets(actor)) throw forbidden();

  const changed = await db().transaction(async (tx) => {
    const [before] = await tx
      .select({ assigneeId: tickets.assigneeId })
      .from(tickets)
      .where(eq(tickets.id, ticketId))
      .for("update");
    if (!before) throw notFound("Ticket");
    if (assigneeId) {
      const [assignee] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, assigneeId), eq(users.active, true)));
      if (!assignee) throw new AppError("validation_failed", "The assignee is not an active teammate");
    }
    if (before.assigneeId === assigneeId) return false;

    await tx.update(tickets).set({ assigneeId, updatedAt: sql`now()` }).where(eq(tickets.id, ticketId));
    await tx.insert(ticketEvents).values({
      ticketId,
      type: "assignee.changed",
      ...actorColumns(actor),
      data: { from: before.assigneeId, to: assigneeId },
    });
    return true;
  });

  const summary = (await findTicketSummary(db(), ticketId))!;
  if (changed) publish({ type: "ticket.updated", ticket: summary, changes: ["assignee"] });
  return summary;
}
