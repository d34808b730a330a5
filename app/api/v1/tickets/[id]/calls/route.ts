import { apiRoute } from "@/lib/api/api-route";
import { loggedCallResponse } from "@/lib/api/logged-call-response";
import { ticketParams } from "@/lib/api/tickets-api-schemas";
import { logCall } from "@/lib/channels/phone/log-call";
import { logCallInput } from "@/lib/channels/phone/log-call.validation";

export const dynamic = "force-dynamic";

// A call that happened outside Twilio, logged on this ticket.
export const POST = apiRoute({ params: ticketParams, body: logCallInput }, async ({ actor, params, body }) =>
  loggedCallResponse(await logCall(actor, { ticketId: params.id }, body)),
);
