import { apiRoute } from "@/lib/api/api-route";
import { customerParams } from "@/lib/api/customers-api-schemas";
import { startCallInput } from "@/lib/channels/phone/start-call.validation";
import { startOutboundCall } from "@/lib/channels/phone/start-outbound-call";

export const dynamic = "force-dynamic";

// Click-to-call a customer through Twilio, as a new phone ticket: the agent's number rings first.
export const POST = apiRoute({ params: customerParams, body: startCallInput }, async ({ actor, params, body }) => {
  const started = await startOutboundCall(actor, { customerId: params.id }, body);
  return Response.json({ id: started.callId, ticketCreated: started.ticketCreated, ticket: started.ticket }, { status: 201 });
});
