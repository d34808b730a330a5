import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listChannelsRoute, POST as createChannelRoute } from "@/app/api/v1/channels/route";
import { openSecrets } from "@/lib/channels/secret-box";
import { db } from "@/lib/db/client";
import { channels } from "@/lib/db/schema";
import { apiRequest } from "@/lib/testing/api-requests";
import { createTestApiKey, uniqueSuffix } from "@/lib/testing/factories";
import { uniquePhoneNumber } from "@/lib/testing/phone";

type ErrorBody = { error: { code: string; details?: { path: string; message: string }[] } };
type ChannelBody = Record<string, unknown> & { id: string; kind: string; name: string };

let key: string;
beforeAll(async () => {
  key = (await createTestApiKey({ name: "channels api test" })).key;
});

const create = (json: unknown, withKey: string | null = key) =>
  createChannelRoute(apiRequest("/api/v1/channels", { key: withKey, json }));

const twilioSid = `AC${"0123456789abcdef".repeat(2)}`;

describe("POST /api/v1/channels", () => {
  it("creates an email channel and answers 201 with it", async () => {
    const address = `Support-${uniqueSuffix()}@Acme.test`;
    const response = await create({ kind: "email", name: "Support", address });

    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      id: expect.any(String),
      kind: "email",
      name: "Support",
      address: address.toLowerCase(),
      active: true,
    });
  });

  it("gives a chat channel a widget key, a snippet and its identity secret once", async () => {
    const response = await create({ kind: "chat", name: "Website", allowedOrigins: ["https://shop.acme.test/any/path"] });

    expect(response.status).toBe(201);
    const channel = (await response.json()) as ChannelBody;
    expect(channel).toMatchObject({
      kind: "chat",
      allowedOrigins: ["https://shop.acme.test"],
      widgetKey: expect.stringMatching(/^wk_/),
      identitySecret: expect.stringMatching(/^whs_/),
    });
    expect(channel.snippet).toBe(`<script src="http://localhost:3000/widget.js" data-key="${String(channel.widgetKey)}" async></script>`);

    const listed = (await (await listChannelsRoute(apiRequest("/api/v1/channels", { key }))).json()) as { data: ChannelBody[] };
    const again = listed.data.find((c) => c.id === channel.id);
    expect(again).toMatchObject({ widgetKey: channel.widgetKey });
    expect(again).not.toHaveProperty("identitySecret");
  });

  it("stores a phone channel's auth token sealed, never returns it, and gives the webhook URLs", async () => {
    const token = `token-${uniqueSuffix()}-${uniqueSuffix()}`;
    const response = await create({
      kind: "phone",
      name: "Hotline",
      phoneNumber: uniquePhoneNumber(),
      twilioAccountSid: twilioSid,
      twilioAuthToken: token,
    });

    expect(response.status).toBe(201);
    const text = await response.text();
    expect(text).not.toContain(token);
    const channel = JSON.parse(text) as ChannelBody;
    expect(channel.webhooks).toEqual({
      voice: `http://localhost:3000/api/channels/phone/${channel.id}/voice`,
      status: `http://localhost:3000/api/channels/phone/${channel.id}/status`,
      recording: `http://localhost:3000/api/channels/phone/${channel.id}/recording`,
      transcription: `http://localhost:3000/api/channels/phone/${channel.id}/transcription`,
    });

    const [row] = await db().select().from(channels).where(eq(channels.id, channel.id));
    expect(row!.sealedSecrets).not.toContain(token);
    expect(openSecrets(row!.sealedSecrets!)).toEqual({ twilioAuthToken: token });
  });

  it("gives a phone number to one phone channel only", async () => {
    const phoneNumber = uniquePhoneNumber();
    const input = { kind: "phone", name: "Hotline", phoneNumber, twilioAccountSid: twilioSid, twilioAuthToken: "x".repeat(32) };
    expect((await create(input)).status).toBe(201);
    const again = await create({ ...input, name: "Second hotline" });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: "conflict", details: [{ path: "phoneNumber" }] } });
  });

  it("keeps an email channel's IMAP password sealed and never returns it", async () => {
    const password = `imap-${uniqueSuffix()}`;
    const imap = { host: "imap.acme.test", user: "support@acme.test", password };
    const response = await create({ kind: "email", name: "Mailbox", address: `mailbox-${uniqueSuffix()}@acme.test`, imap });

    expect(response.status).toBe(201);
    const text = await response.text();
    expect(text).not.toContain(password);
    const channel = JSON.parse(text) as ChannelBody;
    expect(channel.imap).toEqual({ host: "imap.acme.test", port: 993, tls: true, user: "support@acme.test", mailbox: "INBOX" });
    const [row] = await db().select().from(channels).where(eq(channels.id, channel.id));
    expect(JSON.stringify(row!.settings)).not.toContain(password);
    expect(openSecrets(row!.sealedSecrets!)).toEqual({ imapPassword: password });
  });

  it("answers to an address in one email channel only, aliases included, naming the address", async () => {
    const address = `one-${uniqueSuffix()}@acme.test`;
    const alias = `alias-${uniqueSuffix()}@acme.test`;
    expect((await create({ kind: "email", name: "One", address, aliases: [alias] })).status).toBe(201);

    const sameAddress = await create({ kind: "email", name: "Two", address });
    expect(sameAddress.status).toBe(409);
    expect(await sameAddress.json()).toMatchObject({ error: { code: "conflict", details: [{ path: "address" }] } });

    const aliasAsAddress = await create({ kind: "email", name: "Three", address: alias });
    expect(aliasAsAddress.status).toBe(409);
    expect(await aliasAsAddress.json()).toMatchObject({
      error: { code: "conflict", details: [{ path: "address", message: `${alias}: this address already belongs to another email channel` }] },
    });

    const addressAsAlias = await create({ kind: "email", name: "Four", address: `four-${uniqueSuffix()}@acme.test`, aliases: [address] });
    expect(addressAsAlias.status).toBe(409);
    expect(await addressAsAlias.json()).toMatchObject({ error: { code: "conflict", details: [{ path: "aliases" }] } });
  });

  it("refuses bad input with the field paths, and creates nothing", async () => {
    const before = await db().$count(channels);
    const cases: [unknown, string][] = [
      [{ kind: "fax", name: "x" }, "kind"],
      [{ kind: "email", name: "Support", address: "not an address" }, "address"],
      [{ kind: "email", name: "", address: "a@b.test" }, "name"],
      [{ kind: "chat", name: "Site", allowedOrigins: [] }, "allowedOrigins"],
      [{ kind: "chat", name: "Site", allowedOrigins: ["javascript:alert(1)"] }, "allowedOrigins.0"],
      [{ kind: "phone", name: "Hotline", phoneNumber: "555-0100", twilioAccountSid: twilioSid, twilioAuthToken: "x".repeat(32) }, "phoneNumber"],
      [{ kind: "email", name: "Support", address: "a@b.test", surprise: true }, ""],
      [{ kind: "email", name: "Support", address: "a@b.test", aliases: ["x@b.test", "X@b.test"] }, "aliases"],
      [{ kind: "email", name: "Support", address: "a@b.test", imap: { host: "imap.b.test", user: "a" } }, "imap.password"],
      [{ kind: "email", name: "Support", address: "a@b.test", imap: { host: "bad host!", user: "a", password: "p" } }, "imap.host"],
      [{ kind: "email", name: "Support", address: "a@b.test", imap: { host: "imap.b.test", port: 99999, user: "a", password: "p" } }, "imap.port"],
    ];
    for (const [json, path] of cases) {
      const response = await create(json);
      expect(response.status, JSON.stringify(json)).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.details?.map((d) => d.path), JSON.stringify(json)).toContain(path);
    }
    expect(await db().$count(channels)).toBe(before);
  });

  it("needs a valid key", async () => {
    expect((await create({ kind: "email", name: "x", address: "a@b.test" }, null)).status).toBe(401);
    expect((await listChannelsRoute(apiRequest("/api/v1/channels"))).status).toBe(401);
  });
});
