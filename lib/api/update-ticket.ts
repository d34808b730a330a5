import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { findTicketWithMessages } from "@/lib/tickets/ticket-queries";
import type { TicketWithMessages } from "@/lib/tickets/ticket-views";
import { updateTicket } from "@/lib/tickets/update-ticket";
import type { UpdateTicketBody } from "./tickets-api-schemas";

/** PATCH /api/v1/tickets/:id: one all-or-nothing change, answered with the whole ticket. */
export async function updateTicketForApi(
  actor: Actor,
  ticketId: string,
  change: UpdateTicketBody,
): Promise<TicketWithMessages> {
  await updateTicket(actor, ticketId, change);
  const ticket = await findTicketWithMessages(db(), ticketId);
  if (!ticket) throw notFound("Ticket");
  return ticket;
}
