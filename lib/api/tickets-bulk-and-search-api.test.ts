import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as bulkRoute } from "@/app/api/v1/tickets/bulk/route";
import { GET as listTicketsRoute } from "@/app/api/v1/tickets/route";
import { db } from "@/lib/db/client";
import { ticketEvents, tickets } from "@/lib/db/schema";
import { apiRequest } from "@/lib/testing/api-requests";
import { createTestApiKey, createTestTicket, createTestUser, uniqueEmail, uniqueWord } from "@/lib/testing/factories";
import type { TicketSummary } from "@/lib/tickets/ticket-views";

type Page = { data: TicketSummary[]; nextCursor: string | null };
type ErrorBody = { error: { code: string; details?: { path: string }[] } };

let key: string;
beforeAll(async () => {
  key = (await createTestApiKey({ name: "bulk and search test" })).key;
});

const bulk = (json: unknown) => bulkRoute(apiRequest("/api/v1/tickets/bulk", { key, json }));
async function list(query: string) {
  const response = await listTicketsRoute(apiRequest(`/api/v1/tickets?${query}`, { key }));
  return { status: response.status, body: (await response.json()) as Page & ErrorBody };
}

describe("POST /api/v1/tickets/bulk", () => {
  it("changes every selected ticket in one transaction, with an event per ticket and field", async () => {
    const { user } = await createTestUser();
    const created = await Promise.all(Array.from({ length: 5 }, () => createTestTicket()));
    const ids = created.map((ticket) => ticket.id);

    const response = await bulk({ ticketIds: ids, change: { assigneeId: user.id, priority: "high", addTags: ["bulk"] } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ matched: 5, changed: 5 });

    const rows = await db().select().from(tickets).where(inArray(tickets.id, ids));
    expect(rows.every((row) => row.assigneeId === user.id && row.priority === "high" && row.tags.includes("bulk"))).toBe(true);
    const events = await db().select({ type: ticketEvents.type }).from(ticketEvents).where(inArray(ticketEvents.ticketId, ids));
    expect(events.filter((event) => event.type !== "ticket.created")).toHaveLength(15);
  });

  it("selects all matching a filter", async () => {
    const tag = uniqueWord("sel");
    const created = await Promise.all(Array.from({ length: 3 }, () => createTestTicket()));
    await bulk({ ticketIds: created.map((t) => t.id), change: { addTags: [tag] } });
    const response = await bulk({ filter: { tag, status: "open" }, change: { status: "resolved" } });
    expect(await response.json()).toEqual({ matched: 3, changed: 3 });
    expect((await list(`tag=${tag}&status=resolved`)).body.data).toHaveLength(3);
  });

  it("is all or nothing: one unknown id or an inactive assignee changes no ticket", async () => {
    const created = await Promise.all(Array.from({ length: 2 }, () => createTestTicket()));
    const ids = created.map((t) => t.id);
    const unknown = await bulk({ ticketIds: [...ids, crypto.randomUUID()], change: { priority: "urgent" } });
    expect(unknown.status).toBe(400);
    const { user: gone } = await createTestUser({ active: false });
    const inactive = await bulk({ ticketIds: ids, change: { assigneeId: gone.id } });
    expect(inactive.status).toBe(400);
    const rows = await db().select().from(tickets).where(inArray(tickets.id, ids));
    expect(rows.map((row) => [row.priority, row.assigneeId])).toEqual([
      ["normal", null],
      ["normal", null],
    ]);
  });

  it("refuses both or neither of ticketIds and filter", async () => {
    expect((await bulk({ change: { priority: "low" } })).status).toBe(400);
    expect((await bulk({ ticketIds: [crypto.randomUUID()], filter: {}, change: { priority: "low" } })).status).toBe(400);
  });
});

describe("GET /api/v1/tickets?q=", () => {
  it("finds tickets by subject, message body, customer name and email, with the match marked", async () => {
    const word = uniqueWord("zq");
    const email = uniqueEmail(word);
    const bySubject = await createTestTicket({ subject: `Parcel ${word} lost` });
    const byBody = await createTestTicket({ body: `My ${word} arrived broken, <b>really</b>` });
    const byEmail = await createTestTicket({ customer: { email, name: "Someone" } });
    const other = await createTestTicket();

    const { status, body } = await list(`q=${word}`);
    expect(status).toBe(200);
    const found = new Map(body.data.map((ticket) => [ticket.id, ticket]));
    expect([...found.keys()].sort()).toEqual([bySubject.id, byBody.id, byEmail.id].sort());
    expect(found.has(other.id)).toBe(false);
    expect(found.get(bySubject.id)!.match!.subject).toBe(`Parcel \uE000${word}\uE001 lost`);
    expect(found.get(byBody.id)!.match!.excerpt).toContain(`\uE000${word}\uE001`);
    // The excerpt is plain text (ts_headline leaves tags out); the page shows it as text.
    expect(found.get(byBody.id)!.match!.excerpt).toMatch(/broken,\s+really/);
  });

  it("combines search with the view's filters", async () => {
    const word = uniqueWord("zc");
    const [a, b] = await Promise.all([createTestTicket({ subject: `${word} one` }), createTestTicket({ subject: `${word} two` })]);
    await bulk({ ticketIds: [b.id], change: { status: "pending" } });
    const open = await list(`q=${word}&status=open`);
    expect(open.body.data.map((t) => t.id)).toEqual([a.id]);
  });

  // Hostile input: every filter and the search get SQL, LIKE wildcards and tsquery syntax.
  // Each is a parameter: the answer is a correct (here: empty or matching) list, or a 400.
  const hostile = ["'", "' or 1=1 --", "%", "_", "a & b", "a | b", "!a", "a:*", "\\", "'); drop table tickets; --", "(", "<->", "*:"];
  it.each(hostile)("treats %j as text in the search and every filter", async (value) => {
    const encoded = encodeURIComponent(value);
    const search = await list(`q=${encoded}`);
    expect(search.status).toBe(200);
    expect(Array.isArray(search.body.data)).toBe(true);
    const tag = await list(`tag=${encoded}`);
    expect([200, 400]).toContain(tag.status);
    if (tag.status === 200) expect(tag.body.data.every((t) => t.tags.includes(value.trim().toLowerCase()))).toBe(true);
    for (const name of ["status", "priority", "channel", "team", "assignee", "customer", "sort", "cursor"]) {
      const answer = await list(`${name}=${encoded}`);
      expect(answer.status, name).toBe(400);
      expect(answer.body.error.code).toBe("validation_failed");
    }
    const [count] = await db().select({ id: tickets.id }).from(tickets).where(eq(tickets.status, "open")).limit(1);
    expect(count).toBeDefined();
  });

  it("finds a hostile-looking word when a ticket really has it", async () => {
    const word = uniqueWord("zh");
    const ticket = await createTestTicket({ subject: `${word}'s invoice & 100% refund` });
    const { body } = await list(`q=${encodeURIComponent(`${word}'s & 100%`)}`);
    expect(body.data.map((t) => t.id)).toContain(ticket.id);
  });
});
