import { eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { actorColumns, type Actor } from "@/lib/auth/actor";
import { canWorkTickets } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { phoneCalls, ticketEvents, tickets } from "@/lib/db/schema";
import { forbidden } from "@/lib/errors";
import type { DomainEvent } from "@/lib/events/domain-events";
import { publish } from "@/lib/events/event-bus";
import { appendMessages } from "@/lib/tickets/append-message";
import { findTicketSummary, messageViewOf } from "@/lib/tickets/ticket-queries";
import type { MessageView, TicketSummary } from "@/lib/tickets/ticket-views";
import type { CallOutcome, CallStatus } from "./call-constants";
import { summarizeCall, type CallState } from "./call-state";
import { loggedCallText } from "./call-text";
import { callTicket, type CallTicketTarget } from "./call-tickets";
import type { LoggedCallInput } from "./log-call.validation";

export type LoggedCall = { ticket: TicketSummary; callId: string; message: MessageView; ticketCreated: boolean };

// The call's end state as if Twilio had reported it, so a logged call reads like any other.
const endStates: Record<CallOutcome, Pick<CallState, "status" | "answered" | "voicemail">> = {
  answered: { status: "completed", answered: true, voicemail: false },
  voicemail: { status: "completed", answered: false, voicemail: true },
  missed: { status: "no-answer", answered: false, voicemail: false },
  busy: { status: "busy" satisfies CallStatus, answered: false, voicemail: false },
  failed: { status: "failed", answered: false, voicemail: false },
};

/**
 * A teammate records a call that happened outside Twilio (a desk phone, their mobile),
 * on a ticket or as a new phone ticket for a customer, in one transaction: the call, a
 * call message on the conversation (and so on the customer's timeline), the ticket's
 * latest call, and a `call.logged` entry in the ticket's history. An answered call to the
 * customer is the call back a missed call asked for; a missed call from them asks for one.
 */
export async function logCall(actor: Actor, target: CallTicketTarget, input: LoggedCallInput): Promise<LoggedCall> {
  if (!canWorkTickets(actor)) throw forbidden();

  const result = await db().transaction(async (tx) => {
    const { ticketId, customerId, ticketCreated } = await callTicket(tx, actor, target, input);

    const state: CallState = { ...endStates[input.outcome], durationSeconds: input.durationSeconds };
    const ends = input.direction === "outbound" ? { from: "", to: input.number } : { from: input.number, to: "" };
    const callId = randomUUID();
    const calledBack = input.direction === "outbound" && input.outcome === "answered";
    const missedByUs = input.direction === "inbound" && input.outcome !== "answered";

    const [{ messages: [message] }] = await Promise.all([
      appendMessages(tx, ticketId, [
        {
          direction: input.direction === "outbound" ? "out" : "in",
          kind: "call",
          bodyText: loggedCallText(input),
          authorUserId: actor.type === "user" ? actor.id : null,
        },
      ]),
      tx.insert(phoneCalls).values({
        id: callId,
        ticketId,
        customerId,
        direction: input.direction,
        fromNumber: ends.from,
        toNumber: ends.to,
        ...state,
        notes: input.notes || null,
        loggedByUserId: actor.type === "user" ? actor.id : null,
      }),
    ]);
    await Promise.all([
      tx
        .update(tickets)
        .set({
          call: summarizeCall(state, { direction: input.direction, ...ends }),
          updatedAt: sql`now()`,
          ...(calledBack ? { callBackRequestedAt: null, firstResponseAt: sql`coalesce(${tickets.firstResponseAt}, now())` } : {}),
          ...(missedByUs ? { callBackRequestedAt: sql`coalesce(${tickets.callBackRequestedAt}, now())`, status: "open" as const, resolvedAt: null, snoozedUntil: null } : {}),
        })
        .where(eq(tickets.id, ticketId)),
      tx.insert(ticketEvents).values({
        ticketId,
        type: "call.logged",
        ...actorColumns(actor),
        data: { callId, direction: input.direction, number: input.number, outcome: input.outcome, durationSeconds: input.durationSeconds },
      }),
    ]);
    const ticket = (await findTicketSummary(tx, ticketId))!;
    const author = actor.type === "user" ? { type: "user" as const, id: actor.id, name: actor.name, email: null } : null;
    return { ticket, callId, message: messageViewOf(message!, author), ticketCreated };
  });

  const events: DomainEvent[] = [];
  if (result.ticketCreated) events.push({ type: "ticket.created", ticket: result.ticket });
  events.push({ type: "message.created", ticket: result.ticket, message: result.message });
  publish(...events);
  return result;
}
