import type { Actor } from "@/lib/auth/actor";
import { canWorkTickets } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import { changeTickets } from "./change-tickets";
import { publishTicketActivity } from "./publish-ticket-activity";
import type { TicketChangeInput } from "./ticket-change.validation";
import { findTicketSummary } from "./ticket-queries";
import type { TicketSummary } from "./ticket-views";

export type TicketChange = TicketChangeInput;

/**
 * Changes a ticket's status, priority, assignee, team or tags in one transaction: a change
 * that is refused in part is not applied at all. Each field that really changed gets a
 * ticket event, and one ticket.updated event follows the commit.
 */
export async function updateTicket(actor: Actor, ticketId: string, change: TicketChange): Promise<TicketSummary> {
  if (!canWorkTickets(actor)) throw forbidden();

  const { found, changed, eventIds } = await db().transaction(async (tx) => changeTickets(tx, actor, [ticketId], change));
  if (found.length === 0) throw notFound("Ticket");

  const summary = (await findTicketSummary(db(), ticketId))!;
  if (changed.length > 0) {
    publish({ type: "ticket.updated", ticket: summary, changes: changed[0]!.fields });
    await publishTicketActivity(eventIds);
  }
  return summary;
}
