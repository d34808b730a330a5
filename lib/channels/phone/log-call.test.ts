import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as logOnCustomer } from "@/app/api/v1/customers/[id]/calls/route";
import { POST as logOnTicket } from "@/app/api/v1/tickets/[id]/calls/route";
import { db } from "@/lib/db/client";
import { messages, phoneCalls, ticketEvents, tickets } from "@/lib/db/schema";
import { apiRequest, routeParams } from "@/lib/testing/api-requests";
import { createTestApiKey, createTestCustomer, createTestTicket, createTestUser } from "@/lib/testing/factories";
import { createTestPhoneChannel, postTwilioWebhook, simulateCall, uniquePhoneNumber } from "@/lib/testing/phone";
import { forTicket, recordEvents } from "@/lib/testing/record-events";
import { readCustomerTimeline } from "@/lib/timeline/timeline-queries";
import { logCall } from "./log-call";
import { logCallInput } from "./log-call.validation";

const answeredCallBack = (number: string) =>
  logCallInput.parse({ direction: "outbound", number, outcome: "answered", durationSeconds: 245, notes: "Refund agreed." });

describe("logCall", () => {
  it("logs a call on a ticket: the call, a call message by the teammate, the latest call and an audit entry, live", async () => {
    const { actor, user } = await createTestUser({ role: "staff" });
    const ticket = await createTestTicket({ channel: "phone" });
    const number = uniquePhoneNumber();
    const recorded = recordEvents(forTicket(ticket.id));

    const logged = await logCall(actor, { ticketId: ticket.id }, answeredCallBack(number));

    expect(logged.ticketCreated).toBe(false);
    expect(logged.message).toMatchObject({ kind: "call", direction: "out", seq: 2, author: { type: "user", id: user.id } });
    expect(logged.message.bodyText).toBe(`Called ${number} · Answered · 4:05 (logged by hand)\n\nRefund agreed.`);
    expect(logged.ticket.call).toMatchObject({ direction: "outbound", outcome: "answered", durationSeconds: 245, to: number });
    const [call] = await db().select().from(phoneCalls).where(eq(phoneCalls.id, logged.callId));
    expect(call).toMatchObject({ callSid: null, status: "completed", answered: true, notes: "Refund agreed.", loggedByUserId: user.id });
    const [audit] = await db().select().from(ticketEvents).where(and(eq(ticketEvents.type, "call.logged"), eq(ticketEvents.ticketId, ticket.id)));
    expect(audit).toMatchObject({ actorUserId: user.id, data: { callId: logged.callId, direction: "outbound", number, outcome: "answered", durationSeconds: 245 } });
    await recorded.settle();
    expect(recorded.events.map((e) => e.type)).toEqual(["message.created"]);
    recorded.stop();
  });

  it("an answered call back clears the Call back task that a missed call left", async () => {
    const { actor } = await createTestUser({ role: "agent" });
    const channel = await createTestPhoneChannel();
    const caller = uniquePhoneNumber();
    const call = simulateCall(channel, caller);
    await postTwilioWebhook(channel, call.incoming());
    await postTwilioWebhook(channel, call.status("no-answer"));
    const [missed] = await db().select().from(phoneCalls).where(eq(phoneCalls.callSid, call.callSid));
    const [before] = await db().select().from(tickets).where(eq(tickets.id, missed!.ticketId!));
    expect(before!.callBackRequestedAt).not.toBeNull();

    const noAnswer = logCallInput.parse({ direction: "outbound", number: caller, outcome: "missed" });
    await logCall(actor, { ticketId: before!.id }, noAnswer);
    const [stillWaiting] = await db().select().from(tickets).where(eq(tickets.id, before!.id));
    expect(stillWaiting!.callBackRequestedAt).not.toBeNull();

    await logCall(actor, { ticketId: before!.id }, answeredCallBack(caller));
    const [after] = await db().select().from(tickets).where(eq(tickets.id, before!.id));
    expect(after!.callBackRequestedAt).toBeNull();
    expect(after!.firstResponseAt).not.toBeNull();
  });

  it("a missed call logged from the customer reopens the ticket with a Call back task", async () => {
    const { actor } = await createTestUser({ role: "agent" });
    const ticket = await createTestTicket({ channel: "phone" });
    await db().update(tickets).set({ status: "resolved", resolvedAt: new Date() }).where(eq(tickets.id, ticket.id));

    await logCall(actor, { ticketId: ticket.id }, logCallInput.parse({ direction: "inbound", number: "+44 20 7946 0018", outcome: "missed" }));

    const [after] = await db().select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(after).toMatchObject({ status: "open", resolvedAt: null });
    expect(after!.callBackRequestedAt).not.toBeNull();
    expect(after!.call).toMatchObject({ direction: "inbound", from: "+442079460018", outcome: "missed" });
  });

  it("logs a call with a customer as a new phone ticket, assigned to the teammate, on the customer's timeline", async () => {
    const { actor, user } = await createTestUser({ role: "agent" });
    const customer = await createTestCustomer({ name: "Maria Lopez" });
    const recorded = recordEvents((event) => "ticket" in event && event.ticket.customer.id === customer.id);

    const logged = await logCall(actor, { customerId: customer.id }, answeredCallBack(uniquePhoneNumber()));

    expect(logged.ticketCreated).toBe(true);
    expect(logged.ticket).toMatchObject({ subject: "Call to Maria Lopez", channel: "phone", status: "open", assignee: { id: user.id } });
    const timeline = await readCustomerTimeline(db(), customer.id, { family: "call" });
    expect(timeline.data.map((item) => item.ticketId)).toContain(logged.ticket.id);
    await recorded.settle();
    expect(recorded.events.map((e) => e.type)).toEqual(["ticket.created", "message.created"]);
    recorded.stop();
  });

  it("refuses a bad number, a negative or impossible duration and talk time on a missed call", () => {
    const errors = (raw: unknown) => logCallInput.safeParse(raw).error?.issues.map((issue) => issue.path.join("."));
    expect(errors({ direction: "outbound", number: "555-0100", outcome: "answered" })).toEqual(["number"]);
    expect(errors({ direction: "outbound", number: "+15555550100", outcome: "answered", durationSeconds: -1 })).toEqual(["durationSeconds"]);
    expect(errors({ direction: "outbound", number: "+15555550100", outcome: "answered", durationSeconds: 1.5 })).toEqual(["durationSeconds"]);
    expect(errors({ direction: "outbound", number: "+15555550100", outcome: "missed", durationSeconds: 30 })).toEqual(["durationSeconds"]);
    expect(errors({ direction: "sideways", number: "+15555550100", outcome: "answered" })).toEqual(["direction"]);
    expect(errors({ direction: "inbound", number: "+15555550100", outcome: "answered", extra: 1 })).toEqual([""]);
    expect(logCallInput.parse({ direction: "inbound", number: " 0044 (20) 7946-0018 ", outcome: "voicemail", durationSeconds: 20 }).number).toBe("+442079460018");
  });
});

describe("POST /api/v1/tickets/:id/calls and /api/v1/customers/:id/calls", () => {
  it("logs through the API with a key; bad input is a 400 naming the field and writes nothing", async () => {
    const { key } = await createTestApiKey({ name: "desk phones" });
    const ticket = await createTestTicket({ channel: "phone" });
    const body = { direction: "inbound", number: "+15555550142", outcome: "voicemail", durationSeconds: 20, notes: "<b>left a message</b>" };

    const created = await logOnTicket(apiRequest(`/api/v1/tickets/${ticket.id}/calls`, { key, json: body }), routeParams({ id: ticket.id }));
    expect(created.status).toBe(201);
    const json = await created.json();
    expect(json).toMatchObject({ ticketCreated: false, ticket: { id: ticket.id }, message: { kind: "call", author: null } });
    expect(json.message.bodyText).toContain("<b>left a message</b>");

    const bad = await logOnTicket(
      apiRequest(`/api/v1/tickets/${ticket.id}/calls`, { key, json: { ...body, number: "call me" } }),
      routeParams({ id: ticket.id }),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details).toEqual([{ path: "number", message: expect.stringContaining("international format") }]);
    expect(await db().select().from(messages).where(eq(messages.ticketId, ticket.id))).toHaveLength(2);

    const nobody = await logOnCustomer(
      apiRequest(`/api/v1/customers/00000000-0000-4000-8000-000000000000/calls`, { key, json: body }),
      routeParams({ id: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(nobody.status).toBe(404);
    const anonymous = await logOnTicket(apiRequest(`/api/v1/tickets/${ticket.id}/calls`, { json: body }), routeParams({ id: ticket.id }));
    expect(anonymous.status).toBe(401);
  });

  it("a retried log with the same Idempotency-Key logs the call once", async () => {
    const { key } = await createTestApiKey({ name: "desk phones" });
    const customer = await createTestCustomer();
    const send = () =>
      logOnCustomer(
        apiRequest(`/api/v1/customers/${customer.id}/calls`, {
          key,
          json: { direction: "outbound", number: "+15555550143", outcome: "answered", durationSeconds: 60 },
          headers: { "idempotency-key": `log-${customer.id}` },
        }),
        routeParams({ id: customer.id }),
      );
    const first = await (await send()).json();
    const again = await send();
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await again.json()).id).toBe(first.id);
    expect(await db().select().from(tickets).where(eq(tickets.customerId, customer.id))).toHaveLength(1);
  });
});
