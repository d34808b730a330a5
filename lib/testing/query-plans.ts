import { drizzle } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import type { Database } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";

export type CapturedStatement = { query: string; params: unknown[] };

/**
 * A second drizzle instance on the same connection whose logger records every statement,
 * so a test or benchmark can EXPLAIN exactly the SQL that a query function sends.
 */
export function capturingDatabase(sql: postgres.Sql) {
  const captured: CapturedStatement[] = [];
  const db = drizzle({
    client: sql,
    schema,
    casing: "snake_case",
    logger: { logQuery: (query, params) => void captured.push({ query, params }) },
  });
  return {
    async statements(run: (q: Database) => Promise<unknown>): Promise<CapturedStatement[]> {
      captured.length = 0;
      await run(db);
      return [...captured];
    },
  };
}

export async function explain(sql: postgres.Sql, statement: CapturedStatement, analyze = false): Promise<string[]> {
  const options = analyze ? "analyze, buffers, costs off" : "costs off";
  const rows = await sql.unsafe(`explain (${options}) ${statement.query}`, statement.params as postgres.ParameterOrJSON<never>[]);
  return rows.map((row) => String(row["QUERY PLAN"]));
}

/** The plan's nodes that read a table (and any Sort), on one line. */
export const accessPaths = (plan: string[]) =>
  plan
    .map((line) => line.trim().replace(/^->\s*/, ""))
    .filter((line) =>
      /^(Parallel )?(Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan|Bitmap Index Scan)|^(Incremental )?Sort(?! Key)/.test(line),
    )
    .join("; ");
