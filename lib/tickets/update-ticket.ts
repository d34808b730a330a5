import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { actorColumns } from "@/lib/auth/actor";
import { canWorkTickets } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { ticketEvents, tickets, users, type TicketStatus } from "@/lib/db/schema";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import { publishTicketActivity } from "./publish-ticket-activity";
import { findTicketSummary } from "./ticket-queries";
import type { TicketSummary } from "./ticket-views";

export type TicketChange = {
  status?: TicketStatus;
  /** An active teammate's id, or null to unassign. */
  assigneeId?: string | null;
};

/**
 * Changes a ticket's status and/or assignee in one transaction: a change that is refused
 * in part is not applied at all. Each field that really changed gets an audit entry, and
 * one ticket.updated event follows the commit.
 */
export async function updateTicket(actor: Actor, ticketId: string, change: TicketChange): Promise<TicketSummary> {
  if (!canWorkTickets(actor)) throw forbidden();

  const { fields: changed, eventIds } = await db().transaction(async (tx) => {
    const [before] = await tx
      .select({ status: tickets.status, assigneeId: tickets.assigneeId })
      .from(tickets)
      .where(eq(tickets.id, ticketId))
      .for("update");
    if (!before) throw notFound("Ticket");

    if (change.assigneeId) {
      const [assignee] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, change.assigneeId), eq(users.active, true)));
      if (!assignee) {
        throw new AppError("validation_failed", "The assignee is not an active teammate", [
          { path: "assigneeId", message: "Not an active teammate" },
        ]);
      }
    }

    const fields: string[] = [];
    const events: (typeof ticketEvents.$inferInsert)[] = [];
    if (change.status !== undefined && change.status !== before.status) {
      fields.push("status");
      events.push({ ticketId, type: "status.changed", ...actorColumns(actor), data: { from: before.status, to: change.status } });
    }
    if (change.assigneeId !== undefined && change.assigneeId !== before.assigneeId) {
      fields.push("assignee");
      events.push({ ticketId, type: "assignee.changed", ...actorColumns(actor), data: { from: before.assigneeId, to: change.assigneeId } });
    }
    if (fields.length === 0) return { fields, eventIds: [] };
    const written = await tx.insert(ticketEvents).values(events).returning({ id: ticketEvents.id });

    await tx
      .update(tickets)
      .set({
        ...(fields.includes("status")
          ? { status: change.status, resolvedAt: change.status === "resolved" ? sql`now()` : null }
          : {}),
        ...(fields.includes("assignee") ? { assigneeId: change.assigneeId } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(tickets.id, ticketId));
    return { fields, eventIds: written.map((event) => event.id) };
  });

  const summary = (await findTicketSummary(db(), ticketId))!;
  if (changed.length > 0) {
    publish({ type: "ticket.updated", ticket: summary, changes: changed });
    await publishTicketActivity(eventIds);
  }
  return summary;
}
