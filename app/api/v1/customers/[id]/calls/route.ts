import { apiRoute } from "@/lib/api/api-route";
import { customerParams } from "@/lib/api/customers-api-schemas";
import { loggedCallResponse } from "@/lib/api/logged-call-response";
import { logCall } from "@/lib/channels/phone/log-call";
import { logCallInput } from "@/lib/channels/phone/log-call.validation";

export const dynamic = "force-dynamic";

// A call with this customer that happened outside Twilio, as a new phone ticket.
export const POST = apiRoute({ params: customerParams, body: logCallInput }, async ({ actor, params, body }) =>
  loggedCallResponse(await logCall(actor, { customerId: params.id }, body)),
);
