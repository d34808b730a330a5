import { describe, expect, it } from "vitest";
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
