import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { createTestCustomer } from "@/lib/testing/factories";
import { capturingDatabase, explain } from "@/lib/testing/query-plans";
import { searchCustomers } from "./search-customers";

// Customer search must stay an index lookup at a million customers (bench:timeline
// measures it): every branch reads the trigram indexes and nothing scans a whole table.
// The test database is small, so the planner is told to avoid sequential scans; a
// condition the trigram index cannot serve then still shows up as a Seq Scan.
describe("customer search query plans", () => {
  let sql: postgres.Sql;

  beforeAll(async () => {
    sql = postgres(getEnv().DATABASE_URL!, { max: 1, onnotice: () => {} });
    await sql`set enable_seqscan = off`;
    // Gives the typo corrections below something to find, so the last query runs too.
    await createTestCustomer({ name: "Maria Lopez" });
  });

  afterAll(() => sql.end());

  async function plansFor(q: string): Promise<string[]> {
    const statements = await capturingDatabase(sql).statements((db) => searchCustomers(db, { q, limit: 10 }));
    return Promise.all(statements.map(async (statement) => (await explain(sql, statement)).join("\n")));
  }

  it.each([
    ["part of a name or email", "lopez"],
    ["the first two letters of a word", "ma"],
  ])("finds %s through the trigram indexes of names, identities and companies", async (_label, q) => {
    const [literal] = await plansFor(q);
    expect(literal).toContain("Bitmap Index Scan on customers_name_trgm_idx");
    expect(literal).toContain("Bitmap Index Scan on customer_identities_value_trgm_idx");
    expect(literal).toContain("Bitmap Index Scan on companies_name_trgm_idx");
    expect(literal).not.toContain("Seq Scan");
  });

  it("looks a phone number up by its digits through the identities' trigram index", async () => {
    const [literal] = await plansFor("+1 (415) 555-0101");
    expect(literal).toContain("Bitmap Index Scan on customer_identities_value_trgm_idx");
    expect(literal).not.toContain("Seq Scan");
  });

  it.each([["an email address", "maria.lopez@exa"], ["an external id", "cus_8F2"]])(
    "finds %s by its start through the identities' prefix index",
    async (_label, q) => {
      const [literal] = await plansFor(q);
      expect(literal).toContain("customer_identities_value_prefix_idx");
      expect(literal).not.toContain("customer_identities_value_trgm_idx");
      expect(literal).not.toContain("Seq Scan");
    },
  );

  it("corrects typos against the word list's trigram index, then finds names through theirs", async () => {
    const [, corrections, names] = await plansFor("mria lopz");
    expect(corrections).toContain("Bitmap Index Scan on customer_search_words_trgm_idx");
    expect(corrections).not.toContain("Seq Scan");
    expect(names).toContain("Bitmap Index Scan on customers_name_trgm_idx");
    expect(names).not.toContain("Seq Scan");
  });
});
