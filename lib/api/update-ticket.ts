import type { Actor } from "@/lib/auth/actor";
import { canWorkTickets } from "@/lib/auth/permissions";
import { findActiveUser } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { assignTicket } from "@/lib/tickets/assign-ticket";
import { changeTicketStatus } from "@/lib/tickets/change-ticket-status";
import { findTicketSummary, findTicketWithMessages } from "@/lib/tickets/ticket-queries";
import type { TicketWithMessages } from "@/lib/tickets/ticket-views";
import type { UpdateTicketBody } from "./tickets-api-schemas";

/**
 * PATCH /api/v1/tickets/:id. Everything that can be refused is checked before anything
 * changes, so a request with a bad assignee does not half-apply its status.
 */
export async function updateTicket(actor: Actor, ticketId: string, change: UpdateTicketBody): Promise<TicketWithMessages> {
  if (!canWorkTickets(actor)) throw forbidden();
  if (!(await findTicketSummary(db(), ticketId))) throw notFound("Ticket");
  if (change.assigneeId && !(await findActiveUser(db(), change.assigneeId))) {
    throw new AppError("validation_failed", "The request body is not valid", [
      { path: "assigneeId", message: "Not an active teammate" },
    ]);
  }

  if (change.status) await changeTicketStatus(actor, ticketId, change.status);
  if (change.assigneeId !== undefined) await assignTicket(actor, ticketId, change.assigneeId);
  const ticket = await findTicketWithMessages(db(), ticketId);
  if (!ticket) throw notFound("Ticket");
  return ticket;
}
