import type { Actor } from "@/lib/auth/actor";
import type { TicketStatus } from "@/lib/db/schema";
import type { TicketSummary } from "./ticket-views";
import { updateTicket } from "./update-ticket";

/** Opens, sets pending or resolves a ticket; resolving stamps resolvedAt, reopening clears it. */
export function changeTicketStatus(actor: Actor, ticketId: string, status: TicketStatus): Promise<TicketSummary> {
  return updateTicket(actor, ticketId, { status });
}
