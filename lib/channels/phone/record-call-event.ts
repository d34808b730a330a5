import { and, desc, eq, notInArray, sql } from "drizzle-orm";
import { doneStatuses } from "@/lib/tickets/ticket-constants";
import { findOrCreateCustomerByPhone } from "@/lib/customers/find-or-create-customer";
import { callerNumber } from "@/lib/customers/phone-number";
import { db, type Transaction } from "@/lib/db/client";
import { customers, phoneCallEvents, phoneCalls, ticketEvents, tickets, type PhoneCall } from "@/lib/db/schema";
import type { DomainEvent } from "@/lib/events/domain-events";
import { publish } from "@/lib/events/event-bus";
import { appendMessage, type NewMessage } from "@/lib/tickets/append-message";
import { findMessageView, findTicketSummary } from "@/lib/tickets/ticket-queries";
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
  | { type: "recording"; recordingSid: string; recordingUrl: string; durationSeconds: number | null }
  | { type: "transcription"; transcriptionSid: string; text: string };

export type RecordedCallEvent = { ticketId: string; state: CallState; duplicate: boolean };

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
 * one; every event moves the call's state forward and may add a message. The call row
 * lock serialises the events of one call, and the unique (call, key) row makes a retried
 * event a no-op.
 */
export async function recordCallEvent(
  channel: { id: string },
  call: CallRef,
  event: CallEvent,
  params: Record<string, string> = {},
): Promise<RecordedCallEvent> {
  const outcome = await db().transaction(async (tx) => {
    await tx
      .insert(phoneCalls)
      .values({ callSid: call.callSid, channelId: channel.id, direction: "inbound", fromNumber: call.from, toNumber: call.to, status: "queued" })
      .onConflictDoNothing({ target: phoneCalls.callSid, where: sql`${phoneCalls.callSid} is not null` });
    const [row] = await tx.select().from(phoneCalls).where(eq(phoneCalls.callSid, call.callSid)).for("update");
    if (!row) throw new Error(`recordCallEvent: call ${call.callSid} vanished`);

    const messageIds: string[] = [];
    let ticketCreated = false;
    let ticketId = row.ticketId;
    let customerId = row.customerId;
    if (!ticketId) {
      const opened = await openCallTicket(tx, channel, call);
      ({ ticketId, customerId } = opened);
      ticketCreated = opened.created;
      await tx.update(phoneCalls).set({ ticketId, customerId }).where(eq(phoneCalls.id, row.id));
      messageIds.push(await addCallMessage(tx, ticketId, { kind: "call", bodyText: incomingText(call), authorCustomerId: customerId, externalId: call.callSid }));
    }

    const claimed = await tx
      .insert(phoneCallEvents)
      .values({ callId: row.id, key: eventKey(event), params })
      .onConflictDoNothing()
      .returning({ id: phoneCallEvents.id });
    const before = stateOf(row);
    if (claimed.length === 0) return { ticketId, state: before, duplicate: true, ticketCreated, messageIds };

    const state = applyEvent(before, event);
    for (const message of eventMessages(before, state, event)) {
      messageIds.push(await addCallMessage(tx, ticketId, { ...message, authorCustomerId: message.kind === "call" ? customerId : null }));
    }
    await tx
      .update(phoneCalls)
      .set({ status: state.status, durationSeconds: state.durationSeconds, answered: state.answered, voicemail: state.voicemail, updatedAt: sql`now()` })
      .where(eq(phoneCalls.id, row.id));
    await tx
      .update(tickets)
      .set({
        call: summarizeCall(state, { direction: row.direction, from: row.fromNumber || call.from, to: row.toNumber || call.to }),
        updatedAt: sql`now()`,
        ...callBackChange(state),
      })
      .where(eq(tickets.id, ticketId));
    return { ticketId, state, duplicate: false, ticketCreated, messageIds };
  });

  if (!outcome.duplicate || outcome.messageIds.length > 0) await publishCallChange(outcome);
  return { ticketId: outcome.ticketId, state: outcome.state, duplicate: outcome.duplicate };
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
      return applyRecording(state);
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
          bodyText: `Voicemail${event.durationSeconds ? ` (${formatCallDuration(event.durationSeconds)})` : ""}\nRecording: ${event.recordingUrl}`,
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

async function addCallMessage(
  tx: Transaction,
  ticketId: string,
  message: CallMessage & { authorCustomerId: string | null },
): Promise<string> {
  const { message: stored } = await appendMessage(tx, ticketId, { direction: "in", ...message });
  return stored.id;
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

  const [ticket] = await tx
    .insert(tickets)
    .values({ subject: `Call from ${customer.name ?? number ?? "a withheld number"}`, channel: "phone", channelId: channel.id, customerId: customer.id })
    .returning({ id: tickets.id });
  await tx.insert(ticketEvents).values({ ticketId: ticket!.id, type: "ticket.created", data: { channel: "phone", callSid: call.callSid } });
  return { ticketId: ticket!.id, customerId: customer.id, created: true };
}

async function publishCallChange(outcome: { ticketId: string; ticketCreated: boolean; messageIds: string[] }) {
  const summary = (await findTicketSummary(db(), outcome.ticketId))!;
  const events: DomainEvent[] = [];
  if (outcome.ticketCreated) events.push({ type: "ticket.created", ticket: summary });
  for (const id of outcome.messageIds) {
    const message = await findMessageView(db(), id);
    if (message) events.push({ type: "message.created", ticket: summary, message });
  }
  if (events.length === 0) events.push({ type: "ticket.updated", ticket: summary, changes: ["call"] });
  publish(...events);
}
