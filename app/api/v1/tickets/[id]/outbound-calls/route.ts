import { apiRoute } from "@/lib/api/api-route";
import { ticketParams } from "@/lib/api/tickets-api-schemas";
import { startCallInput } from "@/lib/channels/phone/start-call.validation";
import { startOutboundCall } from "@/lib/channels/phone/start-outbound-call";

export const dynamic = "force-dynamic";

// Click-to-call on this ticket through Twilio: the agent's number rings first.
export const POST = apiRoute({ params: ticketParams, body: startCallInput }, async ({ actor, params, body }) => {
  const started = await startOutboundCall(actor, { ticketId: params.id }, body);
  return Response.json({ id: started.callId, ticketCreated: started.ticketCreated, ticket: started.ticket }, { status: 201 });
});
