import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, poolSize } from "@/lib/db/client";
import { checkHealth } from "./check-health";

describe("checkHealth", () => {
  it("answers ok when the database and the pool answer", async () => {
    expect(await checkHealth()).toMatchObject({ status: "ok", database: "up" });
  });

  it("tells a busy node from a dead database: every pooled connection taken is busy, not down", async () => {
    // `.then` sends the query: drizzle's are lazy.
    const holding = Array.from({ length: poolSize }, () => db().execute(sql`select pg_sleep(4)`).then(() => {}));
    try {
      expect(await checkHealth()).toMatchObject({ status: "busy", database: "up" });
    } finally {
      await Promise.all(holding);
    }
  });
});
