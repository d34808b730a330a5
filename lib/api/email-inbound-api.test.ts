import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as inboundRoute } from "@/app/api/v1/channels/[id]/inbound/route";
import { apiRequest, routeParams } from "@/lib/testing/api-requests";
import { createTestApiKey, createTestEmailChannel, uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";

let key: string;
beforeAll(async () => {
  key = (await createTestApiKey({ name: "inbound mail test" })).key;
});

const message = (to: string) =>
  [
    `From: Ana <${uniqueEmail("ana")}>`,
    `To: ${to}`,
    "Subject: Forwarded by our provider",
    `Message-ID: <${uniqueSuffix()}@provider.example>`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Hello from the webhook.",
    "",
  ].join("\r\n");

const post = (channelId: string, body: string, options: { type?: string; withKey?: string | null } = {}) =>
  inboundRoute(
    apiRequest(`/api/v1/channels/${channelId}/inbound`, {
      key: options.withKey === undefined ? key : options.withKey,
      body,
      headers: { "content-type": options.type ?? "message/rfc822" },
    }),
    routeParams({ id: channelId }),
  );

describe("POST /api/v1/channels/:id/inbound", { timeout: 60_000 }, () => {
  it("stores the raw message, answers 202 with the ticket, and a redelivery gets the same ticket", async () => {
    const channel = await createTestEmailChannel();
    const raw = message(channel.settings.address);
    const first = await post(channel.id, raw);
    expect(first.status).toBe(202);
    const body = (await first.json()) as { ticketId: string; status: string; duplicate: boolean };
    expect(body).toMatchObject({ status: "ticket", ticketId: expect.any(String), duplicate: false });

    const again = await post(channel.id, raw);
    expect(await again.json()).toMatchObject({ ticketId: body.ticketId, duplicate: true });
  });

  it("refuses another content type, an unknown channel and a missing key", async () => {
    const channel = await createTestEmailChannel();
    const raw = message(channel.settings.address);
    expect((await post(channel.id, raw, { type: "text/plain" })).status).toBe(400);
    expect((await post(randomUUID(), raw)).status).toBe(404);
    expect((await post(channel.id, raw, { withKey: null })).status).toBe(401);
  });
});
