import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/v1/channels/[id]/route";
import { db } from "@/lib/db/client";
import { auditLog, messages, phoneCalls, tickets } from "@/lib/db/schema";
import { apiRequest, routeParams } from "@/lib/testing/api-requests";
import { createTestApiKey, createTestUser } from "@/lib/testing/factories";
import { createTestPhoneChannel, postTwilioWebhook, simulateCall } from "@/lib/testing/phone";
import { updatePhoneChannel } from "./update-phone-channel";

describe("updatePhoneChannel", () => {
  it("the next call's TwiML uses the new greeting (escaped), agents' numbers, voicemail and recording at once", async () => {
    const { actor } = await createTestUser({ role: "admin" });
    const channel = await createTestPhoneChannel();
    const before = await (await postTwilioWebhook(channel, simulateCall(channel).incoming())).text();
    expect(before).toContain("<Record ");

    const view = await updatePhoneChannel(actor, channel.id, {
      greeting: `We're closed <for now> & back Monday.`,
      agentNumbers: ["+15555550177"],
      voicemail: false,
      recordCalls: true,
    });
    expect(view).toMatchObject({ agentNumbers: ["+15555550177"], voicemail: false, recordCalls: true });

    const after = await (await postTwilioWebhook(channel, simulateCall(channel).incoming())).text();
    expect(after).toContain("<Say>We&apos;re closed &lt;for now&gt; &amp; back Monday.</Say>");
    expect(after).toContain(`record="record-from-answer-dual"`);
    expect(after).toContain("<Number>+15555550177</Number>");
    const call = simulateCall(channel);
    await postTwilioWebhook(channel, call.incoming());
    const missed = await (await postTwilioWebhook(channel, call.dialEnded("no-answer"))).text();
    expect(missed).not.toContain("<Record");
    expect(missed).toContain("<Hangup/>");

    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.targetId, channel.id), eq(auditLog.action, "channel.updated")));
    expect(entry?.data).toMatchObject({ changed: ["greeting", "agentNumbers", "voicemail", "recordCalls"] });
  });

  it("a recorded conversation arrives as a call recording, not as a voicemail", async () => {
    const channel = await createTestPhoneChannel({ agentNumbers: ["+15555550101"] });
    const call = simulateCall(channel);
    await postTwilioWebhook(channel, call.incoming());
    await postTwilioWebhook(channel, call.dialEnded("completed", 80));
    await postTwilioWebhook(channel, call.status("completed", 82));
    await postTwilioWebhook(channel, call.recording(80, "DialVerb"));

    const [row] = await db().select().from(phoneCalls).where(eq(phoneCalls.callSid, call.callSid));
    expect(row).toMatchObject({ answered: true, voicemail: false });
    const bodies = (await db().select().from(messages).where(eq(messages.ticketId, row!.ticketId!))).map((m) => m.bodyText);
    expect(bodies).toContain(`Call recording (1:20)\nRecording: ${call.recordingUrl}`);
    const [ticket] = await db().select().from(tickets).where(eq(tickets.id, row!.ticketId!));
    expect(ticket!.callBackRequestedAt).toBeNull();
  });

  it("PATCH /api/v1/channels/:id: an admin's key changes it; bad numbers are a 400 and change nothing; others get 403", async () => {
    const channel = await createTestPhoneChannel();
    const { key } = await createTestApiKey({ name: "ops" });
    const patch = (json: unknown, bearer = key) =>
      PATCH(apiRequest(`/api/v1/channels/${channel.id}`, { method: "PATCH", key: bearer, json }), routeParams({ id: channel.id }));

    const bad = await patch({ agentNumbers: ["555-0100"] });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].path).toBe("agentNumbers.0");
    expect((await patch({})).status).toBe(400);
    expect((await patch({ voicemail: "maybe" })).status).toBe(400);

    const ok = await patch({ voicemail: false });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: channel.id, voicemail: false, recordCalls: false, greeting: "Thanks for calling Acme." });
    expect(JSON.stringify(await (await patch({ greeting: "Hi" })).json())).not.toContain(channel.authToken);

    const { key: ingestOnly } = await createTestApiKey({ name: "site", scope: "ingest" });
    expect((await patch({ voicemail: true }, ingestOnly)).status).toBe(403);
    const { actor: agent } = await createTestUser({ role: "agent" });
    await expect(updatePhoneChannel(agent, channel.id, { voicemail: true })).rejects.toMatchObject({ code: "forbidden" });
  });
});
