import { and, asc, eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { actorColumns, type Actor } from "@/lib/auth/actor";
import { canWorkTickets } from "@/lib/auth/permissions";
import { db, type Queryable } from "@/lib/db/client";
import { channels, phoneCalls, ticketEvents, tickets } from "@/lib/db/schema";
import { appUrl } from "@/lib/env";
import { AppError, forbidden, invalidField } from "@/lib/errors";
import type { DomainEvent } from "@/lib/events/domain-events";
import { publish } from "@/lib/events/event-bus";
import { appendMessages } from "@/lib/tickets/append-message";
import { findTicketSummary, messageViewOf } from "@/lib/tickets/ticket-queries";
import type { MessageView, TicketSummary } from "@/lib/tickets/ticket-views";
import { openSecrets } from "../secret-box";
import { summarizeCall, type CallState } from "./call-state";
import { callTicket, type CallTicketTarget } from "./call-tickets";
import type { PhoneChannel } from "./find-phone-channel";
import { callHandling, phoneWebhookUrls, type PhoneChannelSecrets, type PhoneChannelSettings } from "./phone-channel-config";
import type { StartCallInput } from "./start-call.validation";
import { placeTwilioCall } from "./twilio-rest";

export type StartedCall = { ticket: TicketSummary; callId: string; ticketCreated: boolean };

/**
 * Click-to-call: Twilio rings the agent's phone first and, once they pick up, dials the
 * customer from the channel's number (the outbound webhook's TwiML). The call and its
 * ticket (a new phone ticket for a customer, or the one named) are stored before Twilio is
 * asked, so the status callbacks always find them; Twilio's CallSid joins the call when
 * Twilio answers, or with the first webhook, which names the call in its URL. When Twilio
 * refuses, the call is marked failed on the ticket and the reason is the error.
 */
export async function startOutboundCall(actor: Actor, target: CallTicketTarget, input: StartCallInput): Promise<StartedCall> {
  if (!canWorkTickets(actor)) throw forbidden();
  const preferred = input.channelId ?? ("ticketId" in target ? await ticketChannelId(db(), target.ticketId) : null);
  const channel = await findCallingChannel(db(), preferred);
  if (!channel || (input.channelId && channel.id !== input.channelId)) {
    throw new AppError("conflict", "No phone channel is set up to call from: call from your own phone and log the call");
  }
  // Twilio calls whatever it is told to: only the channel's own agents' numbers may be rung.
  if (!callHandling(channel).agentNumbers.includes(input.agentNumber)) {
    throw invalidField("agentNumber", "Choose one of the phone channel's agents' numbers");
  }

  const callId = randomUUID();
  const started = await db().transaction(async (tx) => {
    const ticket = await callTicket(tx, actor, target, { direction: "outbound", number: input.number, channelId: channel.id });
    const state: CallState = { status: "queued", durationSeconds: null, answered: false, voicemail: false };
    const ends = { from: channel.settings.phoneNumber, to: input.number };
    const [{ messages: [message] }] = await Promise.all([
      appendMessages(tx, ticket.ticketId, [
        {
          direction: "out",
          kind: "call",
          bodyText: `Calling ${input.number} from ${channel.name}: ringing ${input.agentNumber} first`,
          authorUserId: actor.type === "user" ? actor.id : null,
        },
      ]),
      tx.insert(phoneCalls).values({
        id: callId,
        channelId: channel.id,
        ticketId: ticket.ticketId,
        customerId: ticket.customerId,
        direction: "outbound",
        fromNumber: ends.from,
        toNumber: ends.to,
        status: state.status,
        loggedByUserId: actor.type === "user" ? actor.id : null,
      }),
      tx
        .update(tickets)
        .set({ call: summarizeCall(state, { direction: "outbound", ...ends }), updatedAt: sql`now()` })
        .where(eq(tickets.id, ticket.ticketId)),
      tx.insert(ticketEvents).values({
        ticketId: ticket.ticketId,
        type: "call.started",
        ...actorColumns(actor),
        data: { callId, number: input.number, agentNumber: input.agentNumber },
      }),
    ]);
    const summary = (await findTicketSummary(tx, ticket.ticketId))!;
    const author = actor.type === "user" ? { type: "user" as const, id: actor.id, name: actor.name, email: null } : null;
    return { summary, message: messageViewOf(message!, author), ticketCreated: ticket.ticketCreated };
  });
  publishCall(started.summary, [started.message], started.ticketCreated);

  const urls = phoneWebhookUrls(appUrl(), channel.id);
  const placed = await placeTwilioCall({
    accountSid: channel.settings.twilioAccountSid,
    authToken: channel.secrets.twilioAuthToken,
    to: input.agentNumber,
    from: channel.settings.phoneNumber,
    url: `${urls.outbound}?call=${callId}`,
    statusCallback: `${urls.status}?call=${callId}`,
  });
  if (placed.ok) {
    // A webhook that named the call may have joined the CallSid already.
    await db()
      .update(phoneCalls)
      .set({ callSid: placed.callSid, updatedAt: sql`now()` })
      .where(and(eq(phoneCalls.id, callId), sql`${phoneCalls.callSid} is null`));
    return { ticket: started.summary, callId, ticketCreated: started.ticketCreated };
  }

  await markNotPlaced(callId, started.summary.id, placed.reason);
  throw new AppError("upstream_failed", placed.reason);
}

async function markNotPlaced(callId: string, ticketId: string, reason: string) {
  const failed = await db().transaction(async (tx) => {
    const [call] = await tx
      .update(phoneCalls)
      .set({ status: "failed", updatedAt: sql`now()` })
      .where(eq(phoneCalls.id, callId))
      .returning();
    const state: CallState = { status: "failed", durationSeconds: null, answered: false, voicemail: false };
    const [{ messages: [message] }] = await Promise.all([
      appendMessages(tx, ticketId, [{ direction: "out", kind: "event", bodyText: `Call not placed. ${reason}` }]),
      tx
        .update(tickets)
        .set({ call: summarizeCall(state, { direction: "outbound", from: call!.fromNumber, to: call!.toNumber }), updatedAt: sql`now()` })
        .where(eq(tickets.id, ticketId)),
    ]);
    return { summary: (await findTicketSummary(tx, ticketId))!, message: messageViewOf(message!, null) };
  });
  publishCall(failed.summary, [failed.message], false);
}

function publishCall(summary: TicketSummary, messages: MessageView[], ticketCreated: boolean) {
  const events: DomainEvent[] = [];
  if (ticketCreated) events.push({ type: "ticket.created", ticket: summary });
  for (const message of messages) events.push({ type: "message.created", ticket: summary, message });
  publish(...events);
}

async function ticketChannelId(q: Queryable, ticketId: string): Promise<string | null> {
  const [row] = await q.select({ channelId: tickets.channelId }).from(tickets).where(eq(tickets.id, ticketId));
  return row?.channelId ?? null;
}

/** The phone channel to call from: the ticket's own, else the first one set up. */
export async function findCallingChannel(q: Queryable, preferredId: string | null): Promise<PhoneChannel | undefined> {
  const [row] = await q
    .select()
    .from(channels)
    .where(and(eq(channels.kind, "phone"), eq(channels.active, true)))
    .orderBy(sql`${channels.id} = ${preferredId ?? "00000000-0000-0000-0000-000000000000"} desc`, asc(channels.createdAt))
    .limit(1);
  if (!row?.sealedSecrets) return undefined;
  return {
    id: row.id,
    name: row.name,
    settings: row.settings as PhoneChannelSettings,
    secrets: openSecrets<PhoneChannelSecrets>(row.sealedSecrets),
  };
}
