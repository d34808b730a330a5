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
  ])("lists %s from an index in order, without a sort", async (_label, filter, index) => {
    const [statement] = await capturingDatabase(sql).statements((q) => listTicketSummaries(q, { ...filter, limit: 25 }));
    const plan = (await explain(sql, statement!)).join("\n");
    expect(plan).toMatch(new RegExp(`Index Scan using (${index.source}) on tickets`));
    expect(plan).not.toMatch(/^\s*(->\s*)?(Incremental )?Sort\b/m);
  });
});
