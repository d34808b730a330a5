import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { messages, phoneCalls, tickets } from "@/lib/db/schema";
import { overrideEnvForTests } from "@/lib/env";
import { createTestCustomer, createTestUser } from "@/lib/testing/factories";
import { createTestPhoneChannel, postTwilioWebhook, uniquePhoneNumber, type TestPhoneChannel } from "@/lib/testing/phone";
import { startTwilioApiStandIn } from "@/lib/testing/twilio-api-stand-in";
import { SimulatedCall } from "./twilio-simulator";
import { startOutboundCall } from "./start-outbound-call";

const agentNumber = "+15555550101";
let standIn: Awaited<ReturnType<typeof startTwilioApiStandIn>> | undefined;

afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

async function twilioFor(channel: TestPhoneChannel, options: Parameters<typeof startTwilioApiStandIn>[1] = {}, authToken = channel.authToken) {
  standIn = await startTwilioApiStandIn({ accountSid: channel.accountSid, authToken }, options);
  overrideEnvForTests({ TWILIO_API_BASE_URL: standIn.url });
  return standIn;
}

/** Twilio's side of the call it placed: webhooks to the URLs Touchbase gave in the API request. */
function placedCall(channel: TestPhoneChannel, params: URLSearchParams, callSid: string) {
  return new SimulatedCall({
    accountSid: channel.accountSid,
    webhooks: { ...channel.webhooks, outbound: params.get("Url")!, status: params.get("StatusCallback")! },
    from: params.get("From")!,
    to: params.get("To")!,
    callSid,
  });
}

describe("startOutboundCall", () => {
  it("asks Twilio's API to ring the agent, then bridges them to the customer from the channel's number", async () => {
    const channel = await createTestPhoneChannel({ agentNumbers: [agentNumber] });
    const twilio = await twilioFor(channel);
    const { actor } = await createTestUser({ role: "agent" });
    const customer = await createTestCustomer({ name: "Maria Lopez" });
    const number = uniquePhoneNumber();

    const started = await startOutboundCall(actor, { customerId: customer.id }, { number, agentNumber, channelId: channel.id });

    expect(started.ticket).toMatchObject({ subject: "Call to Maria Lopez", channel: "phone", channelId: channel.id });
    expect(started.ticket.call).toMatchObject({ direction: "outbound", status: "queued", from: channel.phoneNumber, to: number });
    expect(twilio.requests).toHaveLength(1);
    const [request] = twilio.requests;
    expect(request).toMatchObject({ authorized: true, answeredWith: 201 });
    expect(request!.params.get("To")).toBe(agentNumber);
    expect(request!.params.get("From")).toBe(channel.phoneNumber);
    expect(request!.params.get("Url")).toBe(`${channel.webhooks.outbound}?call=${started.callId}`);
    expect(request!.params.get("StatusCallback")).toBe(`${channel.webhooks.status}?call=${started.callId}`);
    expect(request!.params.getAll("StatusCallbackEvent")).toEqual(["initiated", "ringing", "answered", "completed"]);
    const [row] = await db().select().from(phoneCalls).where(eq(phoneCalls.id, started.callId));
    expect(row!.callSid).toBe(request!.callSid);

    const call = placedCall(channel, request!.params, request!.callSid!);
    const bridge = await (await postTwilioWebhook(channel, call.answeredPlacedCall())).text();
    expect(bridge).toContain(`callerId="${channel.phoneNumber}"`);
    expect(bridge).toContain(`<Number>${number}</Number>`);
    expect(bridge).toContain(`action="${channel.webhooks.dial}?call=${started.callId}"`);
    const dialUrl = /action="([^"]+)"/.exec(bridge)![1]!;
    const dialEnded = call.dialEnded("completed", 60);
    expect((await (await postTwilioWebhook(channel, { ...dialEnded, url: dialUrl })).text())).toContain("<Hangup/>");
    await postTwilioWebhook(channel, call.status("completed", 65));

    const [ticket] = await db().select().from(tickets).where(eq(tickets.id, started.ticket.id));
    expect(ticket!.call).toMatchObject({ direction: "outbound", outcome: "answered", durationSeconds: 65, to: number });
    expect(ticket!.callBackRequestedAt).toBeNull();
    const calls = await db().select().from(phoneCalls).where(eq(phoneCalls.ticketId, started.ticket.id));
    expect(calls).toHaveLength(1);
  });

  it("a status callback that arrives before Twilio's API answers finds the call its URL names", async () => {
    const channel = await createTestPhoneChannel({ agentNumbers: [agentNumber] });
    const early: number[] = [];
    await twilioFor(channel, {
      beforeAnswer: async (callSid, params) => {
        const response = await postTwilioWebhook(channel, placedCall(channel, params, callSid).status("queued"));
        early.push(response.status);
      },
    });
    const { actor } = await createTestUser({ role: "agent" });
    const customer = await createTestCustomer();

    const started = await startOutboundCall(actor, { customerId: customer.id }, { number: uniquePhoneNumber(), agentNumber, channelId: channel.id });

    expect(early).toEqual([200]);
    const calls = await db().select().from(phoneCalls).where(eq(phoneCalls.ticketId, started.ticket.id));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.callSid).toMatch(/^CA/);
    expect(await db().select().from(tickets).where(eq(tickets.customerId, customer.id))).toHaveLength(1);
  });

  it("when Twilio refuses, the call is failed on the ticket and the error says why", async () => {
    const channel = await createTestPhoneChannel({ agentNumbers: [agentNumber] });
    await twilioFor(channel, { refuse: true });
    const { actor } = await createTestUser({ role: "agent" });
    const customer = await createTestCustomer();

    await expect(startOutboundCall(actor, { customerId: customer.id }, { number: uniquePhoneNumber(), agentNumber, channelId: channel.id })).rejects.toMatchObject({
      code: "upstream_failed",
      message: "Twilio refused the call: Geo Permission configuration is not permitting call (error 21215)",
    });
    const [ticket] = await db().select().from(tickets).where(eq(tickets.customerId, customer.id));
    expect(ticket!.call).toMatchObject({ status: "failed", outcome: "failed" });
    const bodies = (await db().select().from(messages).where(eq(messages.ticketId, ticket!.id))).map((m) => m.bodyText);
    expect(bodies).toContain("Call not placed. Twilio refused the call: Geo Permission configuration is not permitting call (error 21215)");
  });

  it("a wrong auth token is refused by Twilio's API, and only the channel's agents' numbers may be rung", async () => {
    const channel = await createTestPhoneChannel({ agentNumbers: [agentNumber] });
    const twilio = await twilioFor(channel, {}, "the-token-twilio-really-has");
    const { actor } = await createTestUser({ role: "agent" });
    const customer = await createTestCustomer();

    await expect(startOutboundCall(actor, { customerId: customer.id }, { number: uniquePhoneNumber(), agentNumber: "+15555550999", channelId: channel.id })).rejects.toMatchObject({
      code: "validation_failed",
    });
    expect(twilio.requests).toHaveLength(0);
    await expect(startOutboundCall(actor, { customerId: customer.id }, { number: uniquePhoneNumber(), agentNumber, channelId: channel.id })).rejects.toMatchObject({
      message: "Twilio refused the call: Authenticate (error 20003)",
    });
    expect(twilio.requests).toEqual([expect.objectContaining({ authorized: false, answeredWith: 401 })]);
  });
});

describe("POST /api/v1/tickets/:id/outbound-calls", () => {
  it("places the call on the ticket through the channel's Twilio account; a bad number is a 400 and calls nobody", async () => {
    const { POST } = await import("@/app/api/v1/tickets/[id]/outbound-calls/route");
    const { apiRequest, routeParams } = await import("@/lib/testing/api-requests");
    const { createTestApiKey, createTestTicket } = await import("@/lib/testing/factories");
    const channel = await createTestPhoneChannel({ agentNumbers: [agentNumber] });
    const twilio = await twilioFor(channel);
    const { key } = await createTestApiKey({ name: "dialer" });
    const ticket = await createTestTicket({ channel: "phone" });
    const send = (json: unknown) => POST(apiRequest(`/api/v1/tickets/${ticket.id}/outbound-calls`, { key, json }), routeParams({ id: ticket.id }));

    const bad = await send({ number: "call me", agentNumber, channelId: channel.id });
    expect(bad.status).toBe(400);
    expect(twilio.requests).toHaveLength(0);

    const placed = await send({ number: "+1 555 555 0188", agentNumber, channelId: channel.id });
    expect(placed.status).toBe(201);
    expect(await placed.json()).toMatchObject({ ticketCreated: false, ticket: { id: ticket.id, call: { direction: "outbound", to: "+15555550188" } } });
    expect(twilio.requests.map((r) => r.params.get("To"))).toEqual([agentNumber]);
  });
});
