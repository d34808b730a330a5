import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as addMessageRoute } from "@/app/api/v1/tickets/[id]/messages/route";
import { GET as getTicketRoute, PATCH as updateTicketRoute } from "@/app/api/v1/tickets/[id]/route";
import { GET as listTicketsRoute, POST as createTicketRoute } from "@/app/api/v1/tickets/route";
import { db } from "@/lib/db/client";
import { outboundEmails, ticketEvents } from "@/lib/db/schema";
import type { MessageView, TicketSummary, TicketWithMessages } from "@/lib/tickets/ticket-views";
import { apiRequest, routeParams } from "@/lib/testing/api-requests";
import { createTeam } from "@/lib/teams/create-team";
import { createTestApiKey, createTestTicket, createTestUser, uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";
import { forSubject, recordEvents } from "@/lib/testing/record-events";

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };
type Page = { data: TicketSummary[]; nextCursor: string | null };

let key: string;
let apiKeyId: string;
beforeAll(async () => {
  const created = await createTestApiKey({ name: "tickets api test" });
  key = created.key;
  apiKeyId = created.apiKey.id;
});

const createBody = (email = uniqueEmail("api")) => ({
  subject: `Order ${uniqueSuffix()} arrived damaged`,
  customer: { email, name: "Dana" },
  message: { body: "The box was crushed." },
});

async function createViaApi(json: unknown = createBody()) {
  return createTicketRoute(apiRequest("/api/v1/tickets", { key, json }));
}

async function getViaApi(id: string, withKey: string | null = key) {
  return getTicketRoute(apiRequest(`/api/v1/tickets/${id}`, { key: withKey }), routeParams({ id }));
}

describe("POST /api/v1/tickets", () => {
  it("creates a ticket with its first message and answers 201 with the ticket", async () => {
    const body = createBody();
    const response = await createViaApi(body);

    expect(response.status).toBe(201);
    const ticket = (await response.json()) as TicketWithMessages;
    expect(ticket).toMatchObject({
      id: expect.any(String),
      number: expect.any(Number),
      subject: body.subject,
      status: "open",
      channel: "email",
      customer: { email: body.customer.email, name: "Dana" },
      assignee: null,
      messages: [{ seq: 1, direction: "in", kind: "reply", internal: false, bodyText: "The box was crushed." }],
    });
    const audit = await db().select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
    expect(audit).toEqual([expect.objectContaining({ type: "ticket.created", actorApiKeyId: apiKeyId })]);
  });

  it("accepts a channel and reuses the customer with the same email in any case", async () => {
    const email = uniqueEmail("Case");
    const first = (await (await createViaApi({ ...createBody(email), channel: "phone" })).json()) as TicketWithMessages;
    const second = (await (await createViaApi(createBody(email.toUpperCase()))).json()) as TicketWithMessages;
    expect(first.channel).toBe("phone");
    expect(second.customer.id).toBe(first.customer.id);
  });

  it("answers 400 validation_failed with every field error", async () => {
    const response = await createViaApi({ subject: " ", customer: { email: "nope" }, message: {}, channel: "fax" });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe("validation_failed");
    expect(error.details!.map((d) => d.path).sort()).toEqual(["channel", "customer.email", "message.body", "subject"]);
    expect(error.details!.find((d) => d.path === "customer.email")!.message).toBe("Must be a valid email address");
  });

  it("answers 400 bad_request for a body that is not JSON", async () => {
    const response = await createTicketRoute(apiRequest("/api/v1/tickets", { key, method: "POST", body: "subject=hi" }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe("bad_request");
  });

  it("answers 401 unauthorized for a missing or revoked key and creates nothing", async () => {
    const revoked = await createTestApiKey({ revoked: true });
    const body = createBody();
    for (const withKey of [null, revoked.key]) {
      const response = await createTicketRoute(apiRequest("/api/v1/tickets", { key: withKey, json: body }));
      expect(response.status).toBe(401);
      expect(((await response.json()) as ErrorBody).error.code).toBe("unauthorized");
    }
    const list = (await (await listTicketsRoute(apiRequest("/api/v1/tickets?limit=100", { key }))).json()) as Page;
    expect(list.data.some((t) => t.subject === body.subject)).toBe(false);
  });

  it("answers 413 for a body over 1 MB", async () => {
    const response = await createViaApi({ ...createBody(), message: { body: "x".repeat(1024 * 1024 + 1) } });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.code).toBe("payload_too_large");
  });

  it("publishes the domain events the live inbox listens to", async () => {
    const body = createBody();
    const recorder = recordEvents(forSubject(body.subject));
    const ticket = (await (await createViaApi(body)).json()) as TicketWithMessages;
    await addMessageRoute(
      apiRequest(`/api/v1/tickets/${ticket.id}/messages`, { key, json: { kind: "note", body: "seen" } }),
      routeParams({ id: ticket.id }),
    );
    await updateTicketRoute(
      apiRequest(`/api/v1/tickets/${ticket.id}`, { key, method: "PATCH", json: { status: "pending" } }),
      routeParams({ id: ticket.id }),
    );
    await recorder.settle();
    recorder.stop();

    expect(recorder.events.map((e) => e.type)).toEqual([
      "ticket.created",
      "message.created",
      "message.created",
      "ticket.updated",
    ]);
  });
});

describe("GET /api/v1/tickets/:id", () => {
  it("answers 200 with the ticket and its messages, notes marked internal", async () => {
    const ticket = await createTestTicket();
    await addMessageRoute(
      apiRequest(`/api/v1/tickets/${ticket.id}/messages`, { key, json: { kind: "note", body: "VIP, be kind" } }),
      routeParams({ id: ticket.id }),
    );

    const response = await getViaApi(ticket.id);
    expect(response.status).toBe(200);
    const body = (await response.json()) as TicketWithMessages;
    expect(body.id).toBe(ticket.id);
    expect(body.messages.map((m) => [m.seq, m.kind, m.internal])).toEqual([
      [1, "reply", false],
      [2, "note", true],
    ]);
  });

  it("answers 404 not_found for an unknown id and for a malformed one", async () => {
    for (const id of [randomUUID(), "42", "not-a-uuid", "' or 1=1 --"]) {
      const response = await getViaApi(id);
      expect(response.status).toBe(404);
      expect(((await response.json()) as ErrorBody).error).toEqual({ code: "not_found", message: "Ticket not found" });
    }
  });

  it("answers 401 without a key, even for a ticket that exists", async () => {
    const ticket = await createTestTicket();
    expect((await getViaApi(ticket.id, null)).status).toBe(401);
  });
});

describe("POST /api/v1/tickets/:id/messages", () => {
  it("adds a reply (201, queued as email) and a note (201, internal, never emailed)", async () => {
    const ticket = await createTestTicket();
    const post = (json: unknown) =>
      addMessageRoute(apiRequest(`/api/v1/tickets/${ticket.id}/messages`, { key, json }), routeParams({ id: ticket.id }));

    const replyResponse = await post({ kind: "reply", body: "A new one is on its way." });
    const noteResponse = await post({ kind: "note", body: "Refunded shipping" });
    expect([replyResponse.status, noteResponse.status]).toEqual([201, 201]);
    const reply = (await replyResponse.json()) as MessageView;
    const note = (await noteResponse.json()) as MessageView;
    expect(reply).toMatchObject({ ticketId: ticket.id, seq: 2, direction: "out", kind: "reply", internal: false });
    expect(note).toMatchObject({ seq: 3, kind: "note", internal: true });

    const outbox = await db().select().from(outboundEmails).where(eq(outboundEmails.messageId, reply.id));
    expect(outbox).toHaveLength(1);
    expect(await db().select().from(outboundEmails).where(eq(outboundEmails.messageId, note.id))).toHaveLength(0);
  });

  it("stores a retried message with the same clientMessageId once", async () => {
    const ticket = await createTestTicket();
    const json = { kind: "reply", body: "Sent twice", clientMessageId: `retry-${uniqueSuffix()}` };
    const post = () =>
      addMessageRoute(apiRequest(`/api/v1/tickets/${ticket.id}/messages`, { key, json }), routeParams({ id: ticket.id }));
    const first = (await (await post()).json()) as MessageView;
    const second = (await (await post()).json()) as MessageView;
    expect(second.id).toBe(first.id);
    const stored = (await (await getViaApi(ticket.id)).json()) as TicketWithMessages;
    expect(stored.messages).toHaveLength(2);
  });

  it("answers 400 for a bad kind or an empty body, and 404 for an unknown ticket", async () => {
    const ticket = await createTestTicket();
    const bad = await addMessageRoute(
      apiRequest(`/api/v1/tickets/${ticket.id}/messages`, { key, json: { kind: "call", body: "  " } }),
      routeParams({ id: ticket.id }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.details!.map((d) => d.path).sort()).toEqual(["body", "kind"]);

    const id = randomUUID();
    const missing = await addMessageRoute(
      apiRequest(`/api/v1/tickets/${id}/messages`, { key, json: { kind: "note", body: "hi" } }),
      routeParams({ id }),
    );
    expect(missing.status).toBe(404);
  });
});

describe("PATCH /api/v1/tickets/:id", () => {
  const patch = (id: string, json: unknown) =>
    updateTicketRoute(apiRequest(`/api/v1/tickets/${id}`, { key, method: "PATCH", json }), routeParams({ id }));

  it("changes status and assignee in one request", async () => {
    const ticket = await createTestTicket();
    const { user } = await createTestUser({ role: "agent" });

    const response = await patch(ticket.id, { status: "resolved", assigneeId: user.id });
    expect(response.status).toBe(200);
    const body = (await response.json()) as TicketWithMessages;
    expect(body).toMatchObject({ id: ticket.id, status: "resolved", assignee: { id: user.id } });
    expect(body.resolvedAt).not.toBeNull();
    expect(body.messages).toHaveLength(1);

    const unassigned = (await (await patch(ticket.id, { assigneeId: null })).json()) as TicketWithMessages;
    expect(unassigned.assignee).toBeNull();
    expect(unassigned.status).toBe("resolved");
  });

  it("changes nothing when the assignee is refused", async () => {
    const ticket = await createTestTicket();
    const { user: inactive } = await createTestUser({ active: false });

    for (const assigneeId of [inactive.id, randomUUID()]) {
      const response = await patch(ticket.id, { status: "resolved", assigneeId });
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error).toMatchObject({
        code: "validation_failed",
        details: [{ path: "assigneeId" }],
      });
    }
    const after = (await (await getViaApi(ticket.id)).json()) as TicketWithMessages;
    expect(after).toMatchObject({ status: "open", assignee: null, resolvedAt: null });
  });

  it.each([
    ["an empty change", {}],
    ["an unknown status", { status: "archived" }],
    ["a malformed assignee", { assigneeId: "bob" }],
    ["an unknown field", { status: "open", color: "red" }],
    ["a snooze without a time", { status: "snoozed" }],
    ["tags and addTags together", { tags: ["a"], addTags: ["b"] }],
    ["a tag too long", { addTags: ["x".repeat(41)] }],
  ])("answers 400 validation_failed for %s", async (_label, json) => {
    const ticket = await createTestTicket();
    const response = await patch(ticket.id, json);
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe("validation_failed");
  });

  it("answers 404 for an unknown or malformed ticket id", async () => {
    expect((await patch(randomUUID(), { status: "open" })).status).toBe(404);
    expect((await patch("nope", { status: "open" })).status).toBe(404);
  });
});

describe("GET /api/v1/tickets", () => {
  async function list(query: string) {
    const response = await listTicketsRoute(apiRequest(`/api/v1/tickets?${query}`, { key }));
    return { status: response.status, body: (await response.json()) as Page & ErrorBody };
  }

  it("walks every page of a filtered list once, newest activity first", async () => {
    const { user } = await createTestUser({ role: "agent" });
    const created = await Promise.all(Array.from({ length: 7 }, () => createTestTicket()));
    for (const ticket of created) {
      await updateTicketRoute(
        apiRequest(`/api/v1/tickets/${ticket.id}`, { key, method: "PATCH", json: { assigneeId: user.id } }),
        routeParams({ id: ticket.id }),
      );
    }

    const seen: TicketSummary[] = [];
    const pageSizes: number[] = [];
    let cursor: string | null = null;
    do {
      const { status, body } = await list(`assignee=${user.id}&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(status).toBe(200);
      seen.push(...body.data);
      pageSizes.push(body.data.length);
      cursor = body.nextCursor;
    } while (cursor && pageSizes.length < 10);

    expect(pageSizes).toEqual([3, 3, 1]);
    expect(new Set(seen.map((t) => t.id))).toEqual(new Set(created.map((t) => t.id)));
    expect(seen).toHaveLength(7);
    const times = seen.map((t) => t.lastMessageAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("filters by priority, team, tag, channel and customer, and walks oldest activity first", async () => {
    const admin = await createTestUser({ role: "admin" });
    const team = await createTeam(admin.actor, { name: `Team ${uniqueSuffix()}`, memberIds: [] });
    const tag = `tag-${uniqueSuffix()}`;
    const email = uniqueEmail("filters");
    const created: TicketSummary[] = [];
    for (let i = 0; i < 4; i++) {
      const ticket = (await (await createViaApi({ ...createBody(email), channel: "chat" })).json()) as TicketSummary;
      created.push(ticket);
      const response = await updateTicketRoute(
        apiRequest(`/api/v1/tickets/${ticket.id}`, {
          key,
          method: "PATCH",
          json: { teamId: team.id, addTags: [tag], priority: i < 2 ? "urgent" : "low" },
        }),
        routeParams({ id: ticket.id }),
      );
      expect(response.status).toBe(200);
    }
    const customer = created[0]!.customer.id;

    const urgent = await list(`team=${team.id}&tag=${tag}&priority=urgent&channel=chat&customer=${customer}`);
    expect(urgent.status).toBe(200);
    expect(urgent.body.data.map((t) => t.id).sort()).toEqual(created.slice(0, 2).map((t) => t.id).sort());
    expect(urgent.body.data.every((t) => t.team?.id === team.id && t.tags.includes(tag))).toBe(true);

    const oldestFirst: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`tag=${tag}&sort=oldest_activity&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      oldestFirst.push(...page.body.data.map((t) => t.lastMessageAt));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(oldestFirst).toHaveLength(4);
    expect([...oldestFirst].sort()).toEqual(oldestFirst);
  });

  it("filters by status and by unassigned", async () => {
    const { user } = await createTestUser();
    const [pending, open] = await Promise.all([createTestTicket(), createTestTicket()]);
    for (const [ticket, json] of [
      [pending!, { status: "pending", assigneeId: user.id }],
      [open!, { assigneeId: user.id }],
    ] as const) {
      await updateTicketRoute(
        apiRequest(`/api/v1/tickets/${ticket.id}`, { key, method: "PATCH", json }),
        routeParams({ id: ticket.id }),
      );
    }

    const { body } = await list(`assignee=${user.id}&status=pending`);
    expect(body.data.map((t) => t.id)).toEqual([pending!.id]);
    expect(body.nextCursor).toBeNull();

    const unassigned = await list("assignee=none&limit=100");
    expect(unassigned.body.data.every((t) => t.assignee === null)).toBe(true);
    expect(unassigned.body.data.some((t) => t.id === open!.id)).toBe(false);
  });

  it.each([
    ["a garbage cursor", "cursor=garbage!!", "cursor"],
    ["a well-formed but foreign cursor", `cursor=${Buffer.from('{"a":1}').toString("base64url")}`, "cursor"],
    ["an unknown status", "status=archived", "status"],
    ["an unknown priority", "priority=asap", "priority"],
    ["a bad team", "team=billing", "team"],
    ["an unknown sort", "sort=random", "sort"],
    ["a bad assignee", "assignee=me", "assignee"],
    ["a limit out of range", "limit=1000", "limit"],
  ])("answers 400 validation_failed for %s", async (_label, query, path) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details!.map((d) => d.path)).toEqual([path]);
  });

  it("answers 401 without a key", async () => {
    const response = await listTicketsRoute(apiRequest("/api/v1/tickets"));
    expect(response.status).toBe(401);
  });
});
