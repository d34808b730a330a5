import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { capturingDatabase, explain } from "@/lib/testing/query-plans";
import { listTicketSummaries, type TicketListFilter } from "./ticket-queries";

// The inbox must read tickets in index order and stop after a page, never sort them all
// (bench:inbox measures the difference: ~100 ms against ~2 ms at 100k tickets). The test
// database is small, so the planner is told to avoid the alternatives; an index whose
// order does not match the query then shows up as a Sort.
describe("inbox query plans", () => {
  let sql: postgres.Sql;

  beforeAll(async () => {
    sql = postgres(getEnv().DATABASE_URL!, { max: 1, onnotice: () => {} });
    await sql`set enable_seqscan = off`;
    await sql`set enable_bitmapscan = off`;
    await sql`set enable_sort = off`;
  });

  afterAll(() => sql.end());

  const cursor = { lastMessageAt: new Date().toISOString(), id: randomUUID() };
  // When most tickets of the shared test database are open, "open" filters little and the
  // planner may rightly walk the whole inbox index instead: either is in order.
  it.each<[string, Omit<TicketListFilter, "limit">, RegExp]>([
    ["every ticket", {}, /tickets_inbox_idx/],
    ["a status", { status: "open" }, /tickets_status_inbox_idx|tickets_inbox_idx/],
    ["an assignee", { assigneeId: randomUUID() }, /tickets_assignee_inbox_idx/],
    ["a later page", { cursor }, /tickets_inbox_idx/],
    ["open tickets of an assignee (Mine)", { status: "open", assigneeId: randomUUID() }, /tickets_status_assignee_inbox_idx/],
    ["open unassigned tickets", { status: "open", assigneeId: "none" }, /tickets_status_assignee_inbox_idx|tickets_status_inbox_idx/],
    ["open tickets of a team", { status: "open", teamId: randomUUID() }, /tickets_status_team_inbox_idx/],
    ["open tickets of a channel", { status: "open", channel: "chat" }, /tickets_status_channel_inbox_idx/],
    ["a later page of a team, oldest first", { status: "open", teamId: randomUUID(), cursor, sort: "oldest_activity" }, /tickets_status_team_inbox_idx/],
  ])("lists %s from an index in order, without a sort", async (_label, filter, index) => {
    const [statement] = await capturingDatabase(sql).statements((q) => listTicketSummaries(q, { ...filter, limit: 25 }));
    const plan = (await explain(sql, statement!)).join("\n");
    // Oldest first reads the same index backwards.
    expect(plan).toMatch(new RegExp(`Index Scan (Backward )?using (${index.source}) on tickets`));
    expect(plan).not.toMatch(/^\s*(->\s*)?(Incremental )?Sort\b/m);
  });

  // A tag or a search narrows by a GIN index; with enable_sort off the planner may still
  // prefer walking an inbox index in order and filtering: either reads an index, never
  // the whole table.
  it.each<[string, Omit<TicketListFilter, "limit">]>([
    ["open tickets with a tag", { status: "open", tag: "vip" }],
    ["a search", { q: "refund" }],
    ["a search within a view", { status: "open", q: "refund parcel" }],
  ])("reads %s from an index, never the whole table", async (_label, filter) => {
    const [statement] = await capturingDatabase(sql).statements((q) => listTicketSummaries(q, { ...filter, limit: 25 }));
    const plan = (await explain(sql, statement!)).join("\n");
    expect(plan).toMatch(/(Bitmap Index Scan on (tickets_tags_idx|tickets_search_idx))|(Index Scan using tickets_(status_)?inbox_idx on tickets)/);
    expect(plan).not.toMatch(/Seq Scan on tickets/);
  });
});
