import { randomUUID } from "node:crypto";
import { and, desc, eq, notInArray, sql } from "drizzle-orm";
import { doneStatuses } from "@/lib/tickets/ticket-constants";
import { findOrCreateCustomerByPhone } from "@/lib/customers/find-or-create-customer";
import { callerNumber } from "@/lib/customers/phone-number";
import { db, type Transaction } from "@/lib/db/client";
import { customers, phoneCallEvents, phoneCalls, ticketEvents, tickets, type Message, type PhoneCall } from "@/lib/db/schema";
import type { DomainEvent } from "@/lib/events/domain-events";
import { publish } from "@/lib/events/event-bus";
import { appendMessages, type NewMessage } from "@/lib/tickets/append-message";
import { findTicketSummary, messageViewOf } from "@/lib/tickets/ticket-queries";
import type { TicketSummary } from "@/lib/tickets/ticket-views";
import { isTerminalCallStatus, type CallStatus } from "./call-constants";
import {
  applyCallStatus,
  applyDialResult,
  applyRecording,
  callOutcome,
  needsCallBack,
  summarizeCall,
  type CallState,
} from "./call-state";
import { callOutcomeLabels, formatCallDuration } from "./call-text";

/** The call a webhook is about, as Twilio names it. */
export type CallRef = { callSid: string; from: string; to: string; callerName?: string | null };

/** What a webhook reports about the call; `key` is unique per event, for idempotency. */
export type CallEvent =
  | { type: "incoming"; status: CallStatus }
  | { type: "status"; status: CallStatus; durationSeconds: number | null }
  | { type: "dial"; dialCallSid: string; answered: boolean }
  | { type: "recording"; of: "voicemail" | "conversation"; recordingSid: string; recordingUrl: string; durationSeconds: number | null }
  | { type: "transcription"; transcriptionSid: string; text: string };

export type RecordedCallEvent = {
  ticketId: string;
  state: CallState;
  duplicate: boolean;
  direction: PhoneCall["direction"];
  /** Who the call is to: for a call Touchbase placed, the customer. */
  toNumber: string;
};

function eventKey(event: CallEvent): string {
  switch (event.type) {
    case "incoming":
      return "incoming";
    case "status":
      return `status:${event.status}`;
    case "dial":
      return `dial:${event.dialCallSid}`;
    case "recording":
      return `recording:${event.recordingSid}`;
    case "transcription":
      return `transcription:${event.transcriptionSid}`;
  }
}

/**
 * Applies one Twilio webhook to its call, in one transaction: the first event of a call
 * (whichever arrives first) opens a phone ticket for the caller, or adds to their open
 * one; every event moves the call's state forward and may add messages. The call row
 * lock serialises the events of one call, and the unique (call, key) row makes a retried
 * event a no-op.
 *
 * The caller hears nothing while this runs, so it is written for few round trips: the
 * call is locked and the event claimed in one statement, and writes that do not depend on each other
 * go out together.
 */
export async function recordCallEvent(
  channel: { id: string },
  call: CallRef,
  event: CallEvent,
  params: Record<string, string> = {},
  /** The call Touchbase placed that this webhook's URL names, for its first webhook to join the CallSid to. */
  placedCallId?: string,
): Promise<RecordedCallEvent> {
  const outcome = await db().transaction(async (tx) => {
    const { row, claimed } = await lockCallAndClaimEvent(tx, channel, call, eventKey(event), params, placedCallId);

    const newMessages: (CallMessage & { authorCustomerId: string | null })[] = [];
    let ticketCreated = false;
    let ticketId = row.ticketId;
    let customerId = row.customerId;
    if (!ticketId) {
      const opened = await openCallTicket(tx, channel, call);
      ({ ticketId, customerId } = opened);
      ticketCreated = opened.created;
      newMessages.push({ kind: "call", bodyText: incomingText(call), authorCustomerId: customerId, externalId: call.callSid });
    }

    const before = stateOf(row);
    const state = claimed ? applyEvent(before, event) : before;
    if (claimed) {
      for (const message of eventMessages(before, state, event)) {
        newMessages.push({ ...message, authorCustomerId: message.kind === "call" ? customerId : null });
      }
    }
    const stored = newMessages.length > 0 ? (await appendMessages(tx, ticketId, newMessages.map((m) => ({ direction: "in" as const, ...m })))).messages : [];
    const about = { direction: row.direction, toNumber: row.toNumber };
    if (!claimed && stored.length === 0) return { ticketId, state, duplicate: true, ticketCreated, stored, summary: null, ...about };

    await Promise.all([
      tx
        .update(phoneCalls)
        .set({
          ticketId,
          customerId,
          status: state.status,
          durationSeconds: state.durationSeconds,
          answered: state.answered,
          voicemail: state.voicemail,
          updatedAt: sql`now()`,
        })
        .where(eq(phoneCalls.id, row.id)),
      tx
        .update(tickets)
        .set({
          call: summarizeCall(state, { direction: row.direction, from: row.fromNumber || call.from, to: row.toNumber || call.to }),
          updatedAt: sql`now()`,
          ...callBackChange(state),
        })
        .where(eq(tickets.id, ticketId)),
    ]);
    const summary = await findTicketSummary(tx, ticketId);
    return { ticketId, state, duplicate: !claimed, ticketCreated, stored, summary, ...about };
  });

  if (outcome.summary) publishCallChange(outcome.summary, outcome);
  const { ticketId, state, duplicate, direction, toNumber } = outcome;
  return { ticketId, state, duplicate, direction, toNumber };
}

/**
 * The call's row, made on its first webhook and locked until the transaction ends, and
 * whether this event is new for it, in one statement. ON CONFLICT DO UPDATE both finds
 * and locks an existing row; the event's unique (call, key) row is the idempotency gate.
 */
async function lockCallAndClaimEvent(
  tx: Transaction,
  channel: { id: string },
  call: CallRef,
  key: string,
  params: Record<string, string>,
  placedCallId: string | undefined,
): Promise<{ row: PhoneCall; claimed: boolean }> {
  // Sent first, without waiting for its answer: the CallSid joins the placed call before
  // the statement below looks for the call by CallSid.
  const joined = placedCallId
    ? tx
        .update(phoneCalls)
        .set({ callSid: call.callSid })
        .where(and(eq(phoneCalls.id, placedCallId), eq(phoneCalls.channelId, channel.id), sql`${phoneCalls.callSid} is null`))
        .execute()
    : null;
  const rows = await tx.execute<Record<string, unknown>>(sql`
    with call as (
      insert into ${phoneCalls} (call_sid, channel_id, direction, from_number, to_number, status)
      values (${call.callSid}, ${channel.id}, 'inbound', ${call.from}, ${call.to}, 'queued')
      on conflict (call_sid) where call_sid is not null do update set call_sid = excluded.call_sid
      returning *
    ), claim as (
      insert into ${phoneCallEvents} (call_id, key, params)
      select id, ${key}, ${JSON.stringify(params)}::jsonb from call
      on conflict do nothing
      returning id
    )
    select call.*, exists (select 1 from claim) as claimed from call`);
  await joined;
  const raw = rows[0];
  if (!raw) throw new Error(`recordCallEvent: call ${call.callSid} vanished`);
  return { row: phoneCallFromRow(raw), claimed: raw.claimed === true };
}

function phoneCallFromRow(raw: Record<string, unknown>): PhoneCall {
  const date = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));
  return {
    id: raw.id as string,
    callSid: raw.call_sid as string | null,
    channelId: raw.channel_id as string | null,
    ticketId: raw.ticket_id as string | null,
    customerId: raw.customer_id as string | null,
    direction: raw.direction as PhoneCall["direction"],
    fromNumber: raw.from_number as string,
    toNumber: raw.to_number as string,
    status: raw.status as PhoneCall["status"],
    durationSeconds: raw.duration_seconds as number | null,
    answered: raw.answered as boolean,
    voicemail: raw.voicemail as boolean,
    notes: raw.notes as string | null,
    loggedByUserId: raw.logged_by_user_id as string | null,
    createdAt: date(raw.created_at),
    updatedAt: date(raw.updated_at),
  };
}

function stateOf(row: PhoneCall): CallState {
  return { status: row.status, durationSeconds: row.durationSeconds, answered: row.answered, voicemail: row.voicemail };
}

function applyEvent(state: CallState, event: CallEvent): CallState {
  switch (event.type) {
    case "incoming":
      return applyCallStatus(state, { status: event.status });
    case "status":
      return applyCallStatus(state, event);
    case "dial":
      return applyDialResult(state, event);
    case "recording":
      return event.of === "voicemail" ? applyRecording(state) : state;
    case "transcription":
      return state;
  }
}

/** A caller nobody talked to waits for a call back, on an open ticket; one an agent answered does not. */
function callBackChange(state: CallState) {
  if (needsCallBack(state)) {
    return {
      callBackRequestedAt: sql`coalesce(${tickets.callBackRequestedAt}, now())`,
      status: "open" as const,
      resolvedAt: null,
      snoozedUntil: null,
    };
  }
  return callOutcome(state) === "answered" ? { callBackRequestedAt: null } : {};
}

type CallMessage = Pick<NewMessage, "bodyText" | "externalId"> & { kind: "call" | "event" };

function eventMessages(before: CallState, after: CallState, event: CallEvent): CallMessage[] {
  switch (event.type) {
    case "recording":
      return [
        {
          kind: "call",
          bodyText: `${event.of === "voicemail" ? "Voicemail" : "Call recording"}${event.durationSeconds ? ` (${formatCallDuration(event.durationSeconds)})` : ""}\nRecording: ${event.recordingUrl}`,
          externalId: event.recordingSid,
        },
      ];
    case "transcription":
      return event.text.trim() === ""
        ? []
        : [{ kind: "call", bodyText: `Voicemail transcript:\n${event.text.trim()}`, externalId: event.transcriptionSid }];
    default:
      if (isTerminalCallStatus(before.status) || !isTerminalCallStatus(after.status)) return [];
      return [{ kind: "event", bodyText: endedText(after) }];
  }
}

function endedText(state: CallState): string {
  const outcome = callOutcome(state)!;
  const duration = state.durationSeconds ? `, ${formatCallDuration(state.durationSeconds)}` : "";
  if (outcome === "answered") return `Call ended: answered${duration}`;
  if (outcome === "voicemail") return `Call ended: voicemail left${duration}`;
  return `${callOutcomeLabels[outcome]} (${state.status}): call back`;
}

function incomingText(call: CallRef): string {
  const number = callerNumber(call.from);
  return `Incoming call from ${number ?? "a withheld number"}${call.to ? ` to ${call.to}` : ""}`;
}

/**
 * The caller's customer (by E.164 number, created if new; a withheld number is a new
 * anonymous customer each time) and their open phone ticket, or a new one.
 */
async function openCallTicket(
  tx: Transaction,
  channel: { id: string },
  call: CallRef,
): Promise<{ ticketId: string; customerId: string; created: boolean }> {
  const number = callerNumber(call.from);
  const name = call.callerName?.trim() || null;
  const customer = number
    ? await findOrCreateCustomerByPhone(tx, { phone: number, name })
    : (await tx.insert(customers).values({ name: name ?? "Unknown caller" }).returning())[0]!;

  const [open] = await tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.customerId, customer.id), eq(tickets.channel, "phone"), notInArray(tickets.status, [...doneStatuses])))
    .orderBy(desc(tickets.lastMessageAt))
    .limit(1);
  if (open) return { ticketId: open.id, customerId: customer.id, created: false };

  // The id is made here so that the ticket and its first event go out together.
  const ticketId = randomUUID();
  await Promise.all([
    tx.insert(tickets).values({
      id: ticketId,
      subject: `Call from ${customer.name ?? number ?? "a withheld number"}`,
      channel: "phone",
      channelId: channel.id,
      customerId: customer.id,
    }),
    tx.insert(ticketEvents).values({ ticketId, type: "ticket.created", data: { channel: "phone", callSid: call.callSid } }),
  ]);
  return { ticketId, customerId: customer.id, created: true };
}

function publishCallChange(summary: TicketSummary, outcome: { ticketCreated: boolean; stored: Message[] }) {
  const events: DomainEvent[] = [];
  if (outcome.ticketCreated) events.push({ type: "ticket.created", ticket: summary });
  for (const message of outcome.stored) {
    // A call message's author is the ticket's caller; a call event has none.
    const author = message.authorCustomerId ? { type: "customer" as const, ...summary.customer } : null;
    events.push({ type: "message.created", ticket: summary, message: messageViewOf(message, author) });
  }
  if (events.length === 0) events.push({ type: "ticket.updated", ticket: summary, changes: ["call"] });
  publish(...events);
}
