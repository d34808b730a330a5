import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeKeysetCursor } from "@/lib/api/keyset-cursor";
import { getEnv } from "@/lib/env";
import { capturingDatabase, explain } from "@/lib/testing/query-plans";
import { readCustomerTimeline } from "./timeline-queries";

// A customer can have 100,000 touchpoints: each branch of the timeline must read its
// index in order from the cursor and stop after a page, never sort the customer's rows
// (see lib/tickets/ticket-queries-plan.test.ts for why the planner is steered).
describe("timeline query plans", () => {
  let sql: postgres.Sql;

  beforeAll(async () => {
    sql = postgres(getEnv().DATABASE_URL!, { max: 1, onnotice: () => {} });
    await sql`set enable_seqscan = off`;
    await sql`set enable_bitmapscan = off`;
  });

  afterAll(() => sql.end());

  const cursor = encodeKeysetCursor({ at: new Date().toISOString(), id: randomUUID() });
  it.each([
    ["the first page", {}, "touchpoints_customer_timeline_idx"],
    ["a deep page", { cursor }, "touchpoints_customer_timeline_idx"],
    ["one family", { family: "order" as const, cursor }, "touchpoints_customer_family_timeline_idx"],
  ])("reads %s of touchpoints from the index in order", async (_label, options, index) => {
    const [statement] = await capturingDatabase(sql).statements((q) => readCustomerTimeline(q, randomUUID(), { ...options, limit: 25 }));
    const plan = (await explain(sql, statement!)).join("\n");
    expect(plan).toContain(`Index Scan using ${index} on touchpoints`);
    if (!("family" in options)) expect(plan).toContain("Index Scan using tickets_customer_timeline_idx on tickets");
    // The touchpoints branch is a Limit straight over its index scan: no Sort between.
    expect(plan).toMatch(new RegExp(`Limit\\n\\s+->  Index Scan using ${index} on touchpoints`));
  });
});
