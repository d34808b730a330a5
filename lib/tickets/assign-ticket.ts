import type { Actor } from "@/lib/auth/actor";
import type { TicketSummary } from "./ticket-views";
import { updateTicket } from "./update-ticket";

/** Assigns a ticket to an active teammate, or unassigns it with `null`. */
export function assignTicket(actor: Actor, ticketId: string, assigneeId: string | null): Promise<TicketSummary> {
  return updateTicket(actor, ticketId, { assigneeId });
}
