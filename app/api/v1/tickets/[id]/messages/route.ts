import { apiRoute } from "@/lib/api/api-route";
import { ticketParams } from "@/lib/api/tickets-api-schemas";
import { addMessage } from "@/lib/tickets/add-message";
import { addMessageInput } from "@/lib/tickets/ticket.validation";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ params: ticketParams, body: addMessageInput }, async ({ actor, params, body }) =>
  Response.json(await addMessage(actor, params.id, body), { status: 201 }),
);
