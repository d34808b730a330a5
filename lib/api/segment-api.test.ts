import { Analytics } from "@segment/analytics-node";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getTickets } from "@/app/api/v1/tickets/route";
import { GET as getCustomer } from "@/app/api/v1/customers/[id]/route";
import { GET as getTimeline } from "@/app/api/v1/customers/[id]/timeline/route";
import { POST as alias } from "@/app/api/v1/alias/route";
import { POST as batch } from "@/app/api/v1/batch/route";
import { POST as group } from "@/app/api/v1/group/route";
import { POST as identify } from "@/app/api/v1/identify/route";
import { POST as page } from "@/app/api/v1/page/route";
import { POST as track } from "@/app/api/v1/track/route";
import { db } from "@/lib/db/client";
import { customerIdentities, customers, touchpoints, type IdentityKind } from "@/lib/db/schema";
import { apiRequest, routeParams } from "@/lib/testing/api-requests";
import { createTestApiKey, uniqueSuffix } from "@/lib/testing/factories";
import { serveRoutes } from "@/lib/testing/route-server";
import type { TimelinePage } from "@/lib/timeline/timeline-queries";

let writeKey: string;
let fullKey: string;
let server: Awaited<ReturnType<typeof serveRoutes>>;

beforeAll(async () => {
  writeKey = (await createTestApiKey({ name: "website", scope: "ingest" })).key;
  fullKey = (await createTestApiKey({ name: "crm" })).key;
  server = await serveRoutes({
    "/api/v1/batch": batch,
    "/api/v1/track": track,
    "/api/v1/identify": identify,
    "/api/v1/page": page,
    "/api/v1/group": group,
    "/api/v1/alias": alias,
  });
});

afterAll(() => server.close());

function segmentClient() {
  return new Analytics({ writeKey, host: server.url, path: "/api/v1/batch", flushAt: 20, maxRetries: 0 });
}

/** POSTs with the write key as the Basic-auth user, as Segment's HTTP API expects. */
async function post(path: string, body: unknown, key = writeKey) {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}`, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string; details?: unknown } } };
}

async function customerIdOf(kind: IdentityKind, value: string): Promise<string | undefined> {
  const [row] = await db()
    .select({ customerId: customerIdentities.customerId })
    .from(customerIdentities)
    .where(and(eq(customerIdentities.kind, kind), eq(customerIdentities.value, value)));
  return row?.customerId;
}

async function timeline(customerId: string, query = ""): Promise<TimelinePage> {
  const response = await getTimeline(apiRequest(`/api/v1/customers/${customerId}/timeline${query}`, { key: fullKey }), routeParams({ id: customerId }));
  expect(response.status).toBe(200);
  return (await response.json()) as TimelinePage;
}

describe("Segment-compatible ingest", () => {
  it("takes calls from Segment's own Node library and shows them on the customer's timeline", async () => {
    const anonymousId = `anon-${uniqueSuffix()}`;
    const userId = `user-${uniqueSuffix()}`;
    const analytics = segmentClient();
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    analytics.page({ anonymousId, name: "Returns", properties: { path: "/returns" }, timestamp: at(30) });
    analytics.identify({ userId, anonymousId, traits: { email: `Maria.${userId}@acme-${userId}.test`, name: "Maria Lopez", plan: "pro" } });
    analytics.track({ userId, event: "Order Completed", properties: { order_id: "1042", total: 59.9, currency: "EUR" }, timestamp: at(20) });
    analytics.track({ userId, event: "Email Opened", properties: { email_subject: "Your order is delayed" }, timestamp: at(10) });
    await analytics.closeAndFlush();

    const customerId = (await customerIdOf("external_id", userId))!;
    expect(customerId).toBeDefined();
    // The anonymous visit came along when the visitor identified.
    expect(await customerIdOf("anonymous_id", anonymousId)).toBe(customerId);
    const page = await timeline(customerId);
    expect(page.data.map((item) => [item.family, item.title])).toEqual([
      ["marketing_email", "Opened “Your order is delayed”"],
      ["order", "Order #1042 completed · €59.90"],
      ["website_visit", "Visited /returns · “Returns”"],
    ]);

    const profile = await (await getCustomer(apiRequest(`/api/v1/customers/${customerId}`, { key: fullKey }), routeParams({ id: customerId }))).json();
    expect(profile).toMatchObject({
      name: "Maria Lopez",
      email: `maria.${userId}@acme-${userId}.test`,
      traits: { plan: "pro" },
      company: { domain: `acme-${userId}.test` },
    });
    expect(profile.identities.map((i: { kind: string }) => i.kind).sort()).toEqual(["anonymous_id", "email", "external_id"]);
  });

  it("stores a call sent twice with the same messageId once", async () => {
    const userId = `dedupe-${uniqueSuffix()}`;
    const call = { type: "track", userId, event: "Order Refunded", messageId: `msg-${uniqueSuffix()}`, properties: { order_id: "7" } };
    expect((await post("/api/v1/batch", { batch: [call, call] })).status).toBe(200);
    expect((await post("/api/v1/track", call)).status).toBe(200);
    const rows = await db().select().from(touchpoints).where(eq(touchpoints.messageId, call.messageId));
    expect(rows).toHaveLength(1);
  });

  it("corrects the sender's clock with sentAt, and keeps a historic timestamp without one", async () => {
    const userId = `clock-${uniqueSuffix()}`;
    // The sender's clock is an hour fast: the event happened a minute before it was sent.
    const fast = Date.now() + 3_600_000;
    await post("/api/v1/track", { userId, event: "Skewed", timestamp: new Date(fast - 60_000).toISOString(), sentAt: new Date(fast).toISOString() });
    await post("/api/v1/track", { userId, event: "Historic", timestamp: "2019-05-01T10:00:00.000Z" });
    const items = (await timeline((await customerIdOf("external_id", userId))!)).data;
    const skewed = items.find((item) => item.type === "Skewed")!;
    expect(Math.abs(Date.parse(skewed.occurredAt) - (Date.now() - 60_000))).toBeLessThan(10_000);
    expect(items.find((item) => item.type === "Historic")!.occurredAt).toBe("2019-05-01T10:00:00.000Z");
  });

  it("stores the good calls of a batch and reports the bad ones", async () => {
    const userId = `mixed-${uniqueSuffix()}`;
    const { status, body } = await post("/api/v1/batch", {
      batch: [
        { type: "track", userId, event: "Good One" },
        { type: "track", userId },
        { type: "launch", userId },
        { type: "page", properties: { path: "/x" } },
        { type: "track", userId, event: "Good Two", properties: { deep: nest(12) } },
        { type: "page", userId, properties: { path: "/ok" } },
      ],
    });
    expect(status).toBe(200);
    expect(body.success).toBe(true);
    expect((body.rejected as { index: number; errors: { path: string }[] }[]).map((r) => [r.index, r.errors[0]!.path])).toEqual([
      [1, "event"],
      [2, "type"],
      [3, "userId"],
      [4, "properties.deep.a.a.a.a.a.a.a.a.a"],
    ]);
    const titles = (await timeline((await customerIdOf("external_id", userId))!)).data.map((item) => item.title).sort();
    expect(titles).toEqual(["Good One", "Visited /ok"]);
  });

  it.each([
    ["malformed JSON", "/api/v1/track", '{"userId": ', 400, "bad_request"],
    ["no ids", "/api/v1/track", { event: "X" }, 400, "validation_failed"],
    ["no event on track", "/api/v1/track", { userId: "u" }, 400, "validation_failed"],
    ["a wrong type", "/api/v1/track", { userId: "u", event: 42 }, 400, "validation_failed"],
    ["another call type", "/api/v1/track", { type: "page", userId: "u" }, 400, "validation_failed"],
    ["a NUL character", "/api/v1/track", { userId: "u", event: "X", properties: { note: "a\u0000b" } }, 400, "validation_failed"],
    ["properties nested too deep", "/api/v1/identify", { userId: "u", traits: nest(20) }, 400, "validation_failed"],
    ["a call over 32 KB", "/api/v1/track", { userId: "u", event: "X", properties: { blob: "x".repeat(33 * 1024) } }, 400, "bad_request"],
    ["a batch over 500 KB", "/api/v1/batch", { batch: Array.from({ length: 20 }, () => ({ type: "track", userId: "u", event: "X", properties: { blob: "x".repeat(30 * 1024) } })) }, 400, "bad_request"],
    ["a batch with nothing good", "/api/v1/batch", { batch: [{ type: "track" }] }, 400, "validation_failed"],
    ["an empty batch", "/api/v1/batch", { batch: [] }, 400, "validation_failed"],
  ])("refuses %s with a clear 4xx", async (_label, path, body, status, code) => {
    const response = await post(path, body);
    expect(response.status).toBe(status);
    expect(response.body.error?.code).toBe(code);
    if (code === "bad_request" && typeof body !== "string") expect(response.body.error?.message).toMatch(/limit of (32|500) KB/);
  });

  it("stores HTML and script in names, traits and properties as plain text", async () => {
    const userId = `html-${uniqueSuffix()}`;
    const script = "<script>alert(1)</script>";
    await post("/api/v1/identify", { userId, traits: { name: `<b>Eve</b>${script}`, bio: script } });
    await post("/api/v1/track", { userId, event: `<img src=x onerror=alert(1)>`, properties: { note: script } });
    const customerId = (await customerIdOf("external_id", userId))!;
    const [customer] = await db().select().from(customers).where(eq(customers.id, customerId));
    expect(customer).toMatchObject({ name: `<b>Eve</b>${script}`, traits: { bio: script } });
    const [item] = (await timeline(customerId)).data;
    expect(item).toMatchObject({ type: "<img src=x onerror=alert(1)>", properties: { note: script } });
  });

  it("lets a write key send events and nothing else; an ordinary key's bearer auth works too", async () => {
    expect((await getTickets(apiRequest("/api/v1/tickets", { key: writeKey }))).status).toBe(403);
    const customerId = (await db().insert(customers).values({}).returning())[0]!.id;
    expect((await getCustomer(apiRequest(`/api/v1/customers/${customerId}`, { key: writeKey }), routeParams({ id: customerId }))).status).toBe(403);
    expect((await getTimeline(apiRequest(`/api/v1/customers/${customerId}/timeline`, { key: writeKey }), routeParams({ id: customerId }))).status).toBe(403);

    const bearer = await track(apiRequest("/api/v1/track", { key: fullKey, json: { userId: `bearer-${uniqueSuffix()}`, event: "Via Bearer" } }));
    expect(bearer.status).toBe(200);
    expect((await post("/api/v1/track", { userId: "u", event: "X" }, "tb_not-a-key")).status).toBe(401);
  });

  it("resolves concurrent identify calls for a new person to one customer", async () => {
    const userId = `race-${uniqueSuffix()}`;
    const email = `${userId}@example.test`;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => post("/api/v1/identify", { userId, anonymousId: `${userId}-device-${i}`, traits: { email } })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    const owners = await db().select({ customerId: customerIdentities.customerId }).from(customerIdentities).where(eq(customerIdentities.value, email));
    expect(owners).toHaveLength(1);
    for (let i = 0; i < 8; i++) expect(await customerIdOf("anonymous_id", `${userId}-device-${i}`)).toBe(owners[0]!.customerId);
  });

  it("makes companies from group() calls and work email domains, never from free mail", async () => {
    const suffix = uniqueSuffix();
    await post("/api/v1/identify", { userId: `g-${suffix}`, traits: { email: `someone.${suffix}@gmail.com` } });
    const customerId = (await customerIdOf("external_id", `g-${suffix}`))!;
    const before = await (await getCustomer(apiRequest(`/api/v1/customers/${customerId}`, { key: fullKey }), routeParams({ id: customerId }))).json();
    expect(before.company).toBeNull();
    expect((await post("/api/v1/group", { userId: `g-${suffix}`, groupId: `org-${suffix}`, traits: { name: "Initech", employees: 40 } })).status).toBe(200);
    const after = await (await getCustomer(apiRequest(`/api/v1/customers/${customerId}`, { key: fullKey }), routeParams({ id: customerId }))).json();
    expect(after.company).toMatchObject({ name: "Initech", groupId: `org-${suffix}` });
  });
});

function nest(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}
