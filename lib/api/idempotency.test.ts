import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { POST as addMessageRoute } from "@/app/api/v1/tickets/[id]/messages/route";
import { POST as createTicketRoute } from "@/app/api/v1/tickets/route";
import { db } from "@/lib/db/client";
import { customers, idempotencyKeys, messages, tickets } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { apiRequest, routeParams } from "@/lib/testing/api-requests";
import { createTestApiKey, createTestTicket, uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";
import { forSubject, recordEvents } from "@/lib/testing/record-events";
import { apiRoute } from "./api-route";

let key: string;
beforeAll(async () => {
  ({ key } = await createTestApiKey({ name: "idempotency test" }));
});

const createBody = () => ({
  subject: `Refund ${uniqueSuffix()}`,
  customer: { email: uniqueEmail("idem"), name: "Ines" },
  message: { body: "Please refund order 7." },
});

function create(json: unknown, idempotencyKey: string | null, withKey = key) {
  const headers: Record<string, string> = idempotencyKey === null ? {} : { "idempotency-key": idempotencyKey };
  return createTicketRoute(apiRequest("/api/v1/tickets", { key: withKey, json, headers }));
}

const ticketsWithSubject = async (subject: string) =>
  db().select({ id: tickets.id }).from(tickets).where(eq(tickets.subject, subject));

describe("Idempotency-Key on POST", () => {
  it("answers a retry with the first response, status and body, and creates nothing more", async () => {
    const body = createBody();
    const idempotencyKey = randomUUID();
    const recorder = recordEvents(forSubject(body.subject));

    const first = await create(body, idempotencyKey);
    const firstText = await first.text();
    // Another key order is the same request.
    const reordered = { message: body.message, customer: body.customer, subject: body.subject };
    const retry = await create(reordered, `"${idempotencyKey}"`);

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(await retry.text()).toBe(firstText);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await ticketsWithSubject(body.subject)).toHaveLength(1);
    await recorder.settle();
    recorder.stop();
    expect(recorder.events.map((e) => e.type)).toEqual(["ticket.created", "message.created"]);
  });

  it("refuses the same key with a different body with 422 idempotency_key_reused", async () => {
    const idempotencyKey = randomUUID();
    const body = createBody();
    expect((await create(body, idempotencyKey)).status).toBe(201);

    const other = { ...body, subject: `${body.subject} (edited)` };
    const response = await create(other, idempotencyKey);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: "idempotency_key_reused" } });
    expect(await ticketsWithSubject(other.subject)).toHaveLength(0);
  });

  it("keeps keys apart per API key", async () => {
    const other = await createTestApiKey();
    const idempotencyKey = randomUUID();
    const body = createBody();
    expect((await create(body, idempotencyKey)).status).toBe(201);
    expect((await create(body, idempotencyKey, other.key)).status).toBe(201);
    expect(await ticketsWithSubject(body.subject)).toHaveLength(2);
  });

  it("makes concurrent duplicates one ticket: the others get 409 while it runs, or its answer", async () => {
    const body = createBody();
    const idempotencyKey = randomUUID();
    const responses = await Promise.all(Array.from({ length: 6 }, () => create(body, idempotencyKey)));
    const statuses = responses.map((r) => r.status);

    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    for (const response of responses.filter((r) => r.status === 409)) {
      expect(await response.json()).toMatchObject({ error: { code: "idempotency_key_in_use" } });
    }
    expect(await ticketsWithSubject(body.subject)).toHaveLength(1);
  });

  it("answers 409 idempotency_key_in_use while the first request is still running", async () => {
    let release!: () => void;
    let markStarted!: () => void;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const slow = apiRoute({ body: z.object({ n: z.number() }) }, async () => {
      markStarted();
      await new Promise<void>((resolve) => (release = resolve));
      return Response.json({ ok: true }, { status: 201 });
    });
    const idempotencyKey = randomUUID();
    const send = () => slow(apiRequest("/x", { key, json: { n: 1 }, headers: { "idempotency-key": idempotencyKey } }));

    const first = send();
    await started;
    const second = await send();
    release();

    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: { code: "idempotency_key_in_use" } });
    expect((await first).status).toBe(201);
    expect((await send()).headers.get("idempotent-replayed")).toBe("true");
  });

  it("keeps a refusal but not a failure: a retry after a 5xx does the work", async () => {
    let calls = 0;
    const flaky = apiRoute({}, async () => {
      calls += 1;
      await db().insert(customers).values({ email: `flaky-${calls}-${uniqueSuffix()}@example.test` });
      if (calls === 1) throw new Error("lost the database (expected in this test)");
      if (calls === 2) throw new AppError("not_found", "Gone");
      return Response.json({ calls }, { status: 201 });
    });
    const send = (idempotencyKey: string) =>
      flaky(apiRequest("/x", { key, method: "POST", headers: { "idempotency-key": idempotencyKey } }));

    const failing = randomUUID();
    expect((await send(failing)).status).toBe(500);
    expect((await send(failing)).status).toBe(404);
    expect((await send(failing)).status).toBe(404);
    expect(calls).toBe(2);

    expect((await send(randomUUID())).status).toBe(201);
    expect(calls).toBe(3);
  });

  it("rolls back what a failing request wrote, so a retry finds nothing half done", async () => {
    const email = uniqueEmail("rolled-back");
    const failing = apiRoute({}, async () => {
      await db().insert(customers).values({ email });
      throw new Error("crashed after a write (expected in this test)");
    });
    const response = await failing(apiRequest("/x", { key, method: "POST", headers: { "idempotency-key": randomUUID() } }));
    expect(response.status).toBe(500);
    expect(await db().select().from(customers).where(eq(customers.email, email))).toHaveLength(0);
  });

  it("treats a key older than 24 hours as new", async () => {
    const body = createBody();
    const idempotencyKey = randomUUID();
    expect((await create(body, idempotencyKey)).status).toBe(201);
    await db()
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(idempotencyKeys.key, idempotencyKey));

    const again = await create(body, idempotencyKey);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(await ticketsWithSubject(body.subject)).toHaveLength(2);
  });

  it("refuses a malformed key with 400 before doing anything", async () => {
    const body = createBody();
    for (const bad of ["", "x".repeat(256), "with space", "é"]) {
      const response = await create(body, bad);
      expect(response.status).toBe(400);
    }
    expect(await ticketsWithSubject(body.subject)).toHaveLength(0);
  });

  it("applies to adding a message too", async () => {
    const ticket = await createTestTicket();
    const idempotencyKey = randomUUID();
    const send = () =>
      addMessageRoute(
        apiRequest(`/api/v1/tickets/${ticket.id}/messages`, {
          key,
          json: { kind: "note", body: "Called the courier" },
          headers: { "idempotency-key": idempotencyKey },
        }),
        routeParams({ id: ticket.id }),
      );
    const [first, retry] = [await send(), await send()];
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(await first.json());
    expect(await db().select().from(messages).where(eq(messages.ticketId, ticket.id))).toHaveLength(2);
  });
});

describe("clientMessageId", () => {
  it("refuses a reused clientMessageId with a different body with 422 client_message_id_reused", async () => {
    const ticket = await createTestTicket();
    const clientMessageId = `client-${uniqueSuffix()}`;
    const send = (body: string) =>
      addMessageRoute(
        apiRequest(`/api/v1/tickets/${ticket.id}/messages`, { key, json: { kind: "note", body, clientMessageId } }),
        routeParams({ id: ticket.id }),
      );
    expect((await send("First words")).status).toBe(201);
    expect((await send("First words")).status).toBe(201);
    const reused = await send("Other words");
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ error: { code: "client_message_id_reused" } });
    const rows = await db().select().from(messages).where(eq(messages.ticketId, ticket.id));
    expect(rows.map((m) => m.bodyText).sort()).toEqual(["First words", "Hello, I need help."]);
  });
});
