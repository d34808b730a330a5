import type { LoggedCall } from "@/lib/channels/phone/log-call";

/** 201 with the call's id, its message and the ticket it is on (new or not). */
export function loggedCallResponse(logged: LoggedCall): Response {
  return Response.json(
    { id: logged.callId, ticketCreated: logged.ticketCreated, message: logged.message, ticket: logged.ticket },
    { status: 201 },
  );
}
