import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("environment", () => {
  it("names every bad variable and what is wrong with it", () => {
    const result = parseEnv({ PORT: "abc", DATABASE_URL: "mysql://db/app", REDIS_URL: "http://cache" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toContain("PORT: must be a port number");
    expect(result.error).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
    expect(result.error).toContain("REDIS_URL: must be a redis:// or rediss:// URL");
  });

  it("treats blank values as unset and fills in the defaults", () => {
    const result = parseEnv({ PORT: "", DATABASE_URL: "" });
    expect(result.success && result.env).toMatchObject({ PORT: 3000, SMTP_PORT: 2525, embeddedDatabase: true });
  });

  it("trusts no proxy unless TRUST_PROXY names how many", () => {
    const unset = parseEnv({});
    const two = parseEnv({ TRUST_PROXY: "2" });
    expect(unset.success && unset.env).toMatchObject({ TRUST_PROXY: 0 });
    expect(two.success && two.env).toMatchObject({ TRUST_PROXY: 2 });
    const bad = parseEnv({ TRUST_PROXY: "true" });
    expect(!bad.success && bad.error).toContain("TRUST_PROXY: must be the number of trusted proxy hops");
  });
});
