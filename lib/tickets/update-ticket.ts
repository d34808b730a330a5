import { desc, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { canWorkTickets } from "@/lib/auth/permissions";
import { db, type Queryable } from "@/lib/db/client";
import { ticketEvents, tickets, users } from "@/lib/db/schema";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import { publishNotifications } from "@/lib/notifications/publish-notifications";
import { changeTickets } from "./change-tickets";
import { publishTicketActivity } from "./publish-ticket-activity";
import type { TicketChangeInput } from "./ticket-change.validation";
import { findTicketSummary } from "./ticket-queries";
import type { TicketSummary } from "./ticket-views";

export type TicketChange = TicketChangeInput;

/**
 * Changes a ticket's status, priority, assignee, team or tags in one transaction: a change
 * that is refused in part is not applied at all. Each field that really changed gets a
 * ticket event, and one ticket.updated event follows the commit. A change that names the
 * version it saw is refused (409 ticket_changed, with the ticket as it is now) when
 * someone changed the ticket since: never a silent overwrite of a colleague's change.
 */
export async function updateTicket(actor: Actor, ticketId: string, change: TicketChange): Promise<TicketSummary> {
  if (!canWorkTickets(actor)) throw forbidden();

  const outcome = await db().transaction(async (tx) => {
    if (change.version !== undefined) {
      // The row lock makes the check and the change one step: nobody changes it in between.
      const [current] = await tx.select({ version: tickets.version }).from(tickets).where(eq(tickets.id, ticketId)).for("update");
      if (current && current.version !== change.version) return { stale: true as const };
    }
    return { stale: false as const, ...(await changeTickets(tx, actor, [ticketId], change)) };
  });
  if (outcome.stale) throw await staleTicket(db(), ticketId);
  const { found, changed, eventIds, notificationIds } = outcome;
  if (found.length === 0) throw notFound("Ticket");

  const summary = (await findTicketSummary(db(), ticketId))!;
  if (changed.length > 0) {
    publish({ type: "ticket.updated", ticket: summary, changes: changed[0]!.fields });
    await publishTicketActivity(eventIds);
    await publishNotifications(notificationIds);
  }
  return summary;
}

/** The refusal of a stale change: who changed the ticket last, and the ticket as it is now. */
async function staleTicket(q: Queryable, ticketId: string): Promise<AppError> {
  const ticket = await findTicketSummary(q, ticketId);
  if (!ticket) return notFound("Ticket");
  const [last] = await q
    .select({ name: users.name })
    .from(ticketEvents)
    .leftJoin(users, eq(users.id, ticketEvents.actorUserId))
    .where(eq(ticketEvents.ticketId, ticketId))
    .orderBy(desc(ticketEvents.createdAt))
    .limit(1);
  const who = last?.name ?? "Someone";
  return new AppError(
    "ticket_changed",
    `${who} changed this ticket a moment ago, so your change was not saved. It now shows the ticket as it is: make your change again if it still makes sense.`,
    { ticket },
  );
}
