import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { customerIdentities, customers, phoneCallEvents, phoneCalls, tickets } from "@/lib/db/schema";
import { forTicket, recordEvents } from "@/lib/testing/record-events";
import { createTestPhoneChannel, postTwilioWebhook, simulateCall, uniquePhoneNumber } from "@/lib/testing/phone";
import { listMessages } from "@/lib/tickets/ticket-queries";
import type { SimulatedCall } from "./twilio-simulator";

async function callRow(call: SimulatedCall) {
  const [row] = await db().select().from(phoneCalls).where(eq(phoneCalls.callSid, call.callSid));
  return row;
}

async function ticketOf(call: SimulatedCall) {
  const row = await callRow(call);
  const [ticket] = await db().select().from(tickets).where(eq(tickets.id, row!.ticketId!));
  return ticket!;
}

async function expectTwiml(response: Response, fragment: string) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/xml/);
  expect(await response.text()).toContain(fragment);
}

describe("an answered call", () => {
  it("rings the agents, opens a ringing phone ticket for the caller at once, and ends answered with its duration", async () => {
    const channel = await createTestPhoneChannel({ agentNumbers: ["+15555550101", "+15555550102"] });
    const caller = uniquePhoneNumber();
    const call = simulateCall(channel, caller);

    const voice = await postTwilioWebhook(channel, call.incoming());
    const twiml = await voice.text();
    expect(voice.status).toBe(200);
    expect(twiml).toContain("<Say>Thanks for calling Acme.</Say>");
    expect(twiml).toContain(`<Dial action="${channel.webhooks.dial}" method="POST" timeout="20" answerOnBridge="true"><Number>+15555550101</Number><Number>+15555550102</Number></Dial>`);

    const ringing = await ticketOf(call);
    expect(ringing).toMatchObject({ channel: "phone", channelId: channel.id, status: "open", subject: `Call from ${caller}` });
    expect(ringing.call).toMatchObject({ status: "ringing", outcome: null, from: caller, to: channel.phoneNumber });
    const [identity] = await db().select().from(customerIdentities).where(eq(customerIdentities.value, caller));
    expect(identity).toMatchObject({ kind: "phone", customerId: ringing.customerId });

    const live = recordEvents(forTicket(ringing.id));
    await expectTwiml(await postTwilioWebhook(channel, call.status("in-progress", undefined, 1)), "<Response></Response>");
    await expectTwiml(await postTwilioWebhook(channel, call.dialEnded("completed", 93)), "<Hangup/>");
    await expectTwiml(await postTwilioWebhook(channel, call.status("completed", 95, 2)), "<Response></Response>");
    await live.settle();
    live.stop();

    const ended = await ticketOf(call);
    expect(ended.call).toMatchObject({ status: "completed", outcome: "answered", durationSeconds: 95 });
    expect(ended.callBackRequestedAt).toBeNull();
    const messages = await listMessages(db(), ended.id);
    expect(messages.map((m) => [m.kind, m.bodyText])).toEqual([
      ["call", `Incoming call from ${caller} to ${channel.phoneNumber}`],
      ["event", "Call ended: answered, 1:35"],
    ]);
    expect(messages[0]!.author).toMatchObject({ type: "customer", id: ended.customerId });
    // Every step reached the inbox: each state change is a ticket change.
    const states = live.events.map((e) => ("ticket" in e ? e.ticket.call?.status : null));
    expect(states).toContain("in-progress");
    expect(live.events.at(-1)).toMatchObject({ ticket: { call: { outcome: "answered", durationSeconds: 95 } } });
  });

  it("publishes the new ticket while the phone is still ringing", async () => {
    const channel = await createTestPhoneChannel();
    const call = simulateCall(channel);
    const live = recordEvents((e) => e.type === "ticket.created" && e.ticket.call?.from === call.incoming().params.From);
    await postTwilioWebhook(channel, call.incoming());
    await live.settle();
    live.stop();
    expect(live.events).toHaveLength(1);
    expect(live.events[0]).toMatchObject({ ticket: { channel: "phone", call: { status: "ringing" } } });
  });
});

describe("a missed call with a voicemail", () => {
  it("takes a message, attaches the recording and the transcript, and leaves the ticket open for a call back", async () => {
    const channel = await createTestPhoneChannel();
    const call = simulateCall(channel);

    const voice = await postTwilioWebhook(channel, call.incoming());
    const twiml = await voice.text();
    expect(twiml).toContain(`<Record action="${channel.webhooks.recording}"`);
    expect(twiml).toContain(`transcribeCallback="${channel.webhooks.transcription}"`);
    expect(twiml).not.toContain("<Dial");

    // The <Record> action and the recording status callback both report the recording.
    await expectTwiml(await postTwilioWebhook(channel, call.recording(32)), "<Hangup/>");
    await postTwilioWebhook(channel, call.recording(32));
    await postTwilioWebhook(channel, call.status("completed", 41));
    await postTwilioWebhook(channel, call.transcription("Hi, it's Maria about order 1042. Please call me back."));

    const ticket = await ticketOf(call);
    expect(ticket.status).toBe("open");
    expect(ticket.callBackRequestedAt).toBeInstanceOf(Date);
    expect(ticket.call).toMatchObject({ status: "completed", outcome: "voicemail", durationSeconds: 41 });
    const messages = await listMessages(db(), ticket.id);
    expect(messages.map((m) => m.kind)).toEqual(["call", "call", "event", "call"]);
    expect(messages[1]!.bodyText).toBe(`Voicemail (0:32)\nRecording: ${call.recordingUrl}`);
    expect(messages[2]!.bodyText).toBe("Call ended: voicemail left, 0:41");
    expect(messages[3]!.bodyText).toBe("Voicemail transcript:\nHi, it's Maria about order 1042. Please call me back.");
  });

  it("a call that rang out with nobody there needs a call back too", async () => {
    const channel = await createTestPhoneChannel({ agentNumbers: ["+15555550101"] });
    const call = simulateCall(channel);
    await postTwilioWebhook(channel, call.incoming());
    await expectTwiml(await postTwilioWebhook(channel, call.dialEnded("no-answer")), "<Record ");
    await postTwilioWebhook(channel, call.status("completed", 25));
    const ticket = await ticketOf(call);
    expect(ticket.call).toMatchObject({ outcome: "missed" });
    expect(ticket.callBackRequestedAt).not.toBeNull();
    const messages = await listMessages(db(), ticket.id);
    expect(messages.at(-1)!.bodyText).toBe("Missed call (completed): call back");
  });
});

describe("retries and order", () => {
  it("changes nothing when Twilio sends the same webhook again, even at the same time", async () => {
    const channel = await createTestPhoneChannel();
    const call = simulateCall(channel);
    const incoming = call.incoming();
    const responses = await Promise.all(Array.from({ length: 5 }, () => postTwilioWebhook(channel, incoming)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const recording = call.recording(12);
    const transcription = call.transcription("Call me");
    const completed = call.status("completed", 30);
    for (const webhook of [recording, transcription, completed, recording, transcription, completed, incoming]) {
      expect((await postTwilioWebhook(channel, webhook)).status).toBe(200);
    }

    const row = await callRow(call);
    const ticket = await ticketOf(call);
    expect(await db().$count(phoneCalls, eq(phoneCalls.callSid, call.callSid))).toBe(1);
    expect(await db().$count(tickets, eq(tickets.customerId, ticket.customerId))).toBe(1);
    expect(await db().$count(phoneCallEvents, eq(phoneCallEvents.callId, row!.id))).toBe(4);
    expect((await listMessages(db(), ticket.id)).map((m) => m.kind)).toEqual(["call", "call", "call", "event"]);
  });

  it("ends in the right state when the completed status comes before the others", async () => {
    const channel = await createTestPhoneChannel({ agentNumbers: ["+15555550101"] });
    const call = simulateCall(channel);
    await postTwilioWebhook(channel, call.status("completed", 64, 3));
    await postTwilioWebhook(channel, call.dialEnded("completed", 60));
    await postTwilioWebhook(channel, call.status("in-progress", undefined, 1));
    await postTwilioWebhook(channel, call.incoming());
    await postTwilioWebhook(channel, call.status("ringing", undefined, 0));

    const ticket = await ticketOf(call);
    expect(ticket.call).toMatchObject({ status: "completed", durationSeconds: 64, outcome: "answered" });
    expect(ticket.callBackRequestedAt).toBeNull();
    const messages = await listMessages(db(), ticket.id);
    expect(messages.map((m) => m.kind)).toEqual(["call", "event"]);
  });

  it("adds a caller's next call to their open phone ticket, and an answered call clears the call back", async () => {
    const channel = await createTestPhoneChannel({ agentNumbers: ["+15555550101"] });
    const caller = uniquePhoneNumber();
    const first = simulateCall(channel, caller);
    await postTwilioWebhook(channel, first.incoming());
    await postTwilioWebhook(channel, first.status("no-answer"));
    expect((await ticketOf(first)).callBackRequestedAt).not.toBeNull();

    const second = simulateCall(channel, caller);
    await postTwilioWebhook(channel, second.incoming());
    await postTwilioWebhook(channel, second.dialEnded("completed", 20));
    await postTwilioWebhook(channel, second.status("completed", 22));

    const ticket = await ticketOf(second);
    expect(ticket.id).toBe((await ticketOf(first)).id);
    expect(ticket.callBackRequestedAt).toBeNull();
    expect(await db().$count(customers, eq(customers.phone, caller))).toBe(1);
  });
});

describe("signature and account checks", () => {
  it("refuses a forged, missing or stale signature with 403 and stores nothing", async () => {
    const channel = await createTestPhoneChannel();
    const call = simulateCall(channel);
    const incoming = call.incoming();
    const forgeries = [
      { signature: "" },
      { signature: "bm90IGEgc2lnbmF0dXJl" },
      // Signed by someone who does not hold this channel's token.
      { signature: (await import("./twilio-signature")).twilioSignature("someone-elses-token", incoming.url, incoming.params) },
      // A genuine signature for another URL (the status webhook) replayed on the voice one.
      { signedUrl: channel.webhooks.status },
    ];
    for (const forgery of forgeries) {
      const response = await postTwilioWebhook(channel, incoming, forgery);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
    }
    // A parameter changed after signing.
    const tampered = { ...incoming, params: { ...incoming.params, From: "+15555550666" } };
    const { url, init } = (await import("./twilio-simulator")).signedTwilioRequest(channel.authToken, incoming);
    const response = await postTwilioWebhook(channel, tampered, {
      signature: new Headers(init.headers).get("x-twilio-signature")!,
      requestUrl: url,
    });
    expect(response.status).toBe(403);
    expect(await callRow(call)).toBeUndefined();
  });

  it("refuses a correctly signed request for another Twilio account", async () => {
    const channel = await createTestPhoneChannel();
    const other = await createTestPhoneChannel();
    const call = simulateCall({ ...channel, accountSid: other.accountSid });
    const response = await postTwilioWebhook(channel, call.incoming());
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { message: "This request is for another Twilio account" } });
    expect(await callRow(call)).toBeUndefined();
  });

  it("verifies against the public https URL when a TLS-terminating proxy forwards plain http", async () => {
    const channel = await createTestPhoneChannel({ origin: "https://help.acme.test" });
    const call = simulateCall(channel);
    const incoming = call.incoming();
    // Twilio signed https://help.acme.test/...; the app is reached at http://localhost:3000/...
    const behindProxy = { requestUrl: incoming.url.replace("https://help.acme.test", "http://localhost:3000") };

    const unaware = await postTwilioWebhook(channel, incoming, behindProxy);
    expect(unaware.status).toBe(403);
    const forwarded = await postTwilioWebhook(channel, incoming, {
      ...behindProxy,
      headers: { host: "help.acme.test", "x-forwarded-proto": "https" },
    });
    expect(forwarded.status).toBe(200);
    // The TwiML's next URLs are the public ones Twilio can reach and will sign.
    expect(await forwarded.text()).toContain(`action="https://help.acme.test/api/channels/phone/${channel.id}/recording"`);
  });

  it("answers 404 for a channel that does not exist and 400 for parameters Twilio would never send", async () => {
    const channel = await createTestPhoneChannel();
    const call = simulateCall({ ...channel, webhooks: { ...channel.webhooks, voice: channel.webhooks.voice.replace(channel.id, crypto.randomUUID()) } });
    expect((await postTwilioWebhook(channel, call.incoming())).status).toBe(404);

    const good = simulateCall(channel);
    const bad = { ...good.status("completed"), params: { ...good.status("completed").params, CallStatus: "exploded" } };
    const response = await postTwilioWebhook(channel, bad);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "validation_failed", details: [{ path: "CallStatus" }] } });
  });
});
