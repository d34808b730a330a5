import { describe, expect, it, vi } from "vitest";
import { redactQueryParams } from "./logger";

describe("logger", () => {
  it("keeps a failed query but not its parameters", () => {
    const message = 'Failed query: insert into "users" ("email", "password_hash") values ($1, $2)\nparams: a@b.c,$argon2id$v=19$secret\nsecond line of a param';
    const redacted = redactQueryParams(message);
    expect(redacted).toContain('insert into "users"');
    expect(redacted).not.toContain("argon2id");
    expect(redacted).not.toContain("second line");
    expect(redacted).toMatch(/params: \[redacted\]$/);
  });
});

describe("logged database errors", () => {
  it("keep PostgreSQL's reason and code, not the query's parameters", async () => {
    const { sql } = await import("drizzle-orm");
    const { db } = await import("@/lib/db/client");
    const { logger } = await import("./logger");
    const error = await db()
      .execute(sql`select ${"secret-parameter\u0000"}::text`)
      .then(() => null, (failure: unknown) => failure);
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (lines.push(String(chunk)), true));
    try {
      logger.error("api request failed", { error });
    } finally {
      spy.mockRestore();
    }
    expect(lines.join("")).toContain("invalid byte sequence for encoding");
    expect(lines.join("")).toContain('"code":"22021"');
    expect(lines.join("")).not.toContain("secret-parameter");
  });
});
