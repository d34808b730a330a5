import { apiRoute } from "@/lib/api/api-route";
import { ticketParams, updateTicketBody } from "@/lib/api/tickets-api-schemas";
import { updateTicketForApi } from "@/lib/api/update-ticket";
import { canWorkTickets } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors";
import { findTicketWithMessages } from "@/lib/tickets/ticket-queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ params: ticketParams }, async ({ actor, params }) => {
  if (!canWorkTickets(actor)) throw forbidden();
  const ticket = await findTicketWithMessages(db(), params.id);
  if (!ticket) throw notFound("Ticket");
  return Response.json(ticket);
});

export const PATCH = apiRoute({ params: ticketParams, body: updateTicketBody }, async ({ actor, params, body }) =>
  Response.json(await updateTicketForApi(actor, params.id, body)),
);
