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

  it("knows whether PORT was given or defaulted, for tools that print the app's URL", () => {
    const given = parseEnv({ PORT: "4100" });
    const defaulted = parseEnv({ PORT: "" });
    expect(given.success && given.env).toMatchObject({ PORT: 4100, portGiven: true });
    expect(defaulted.success && defaulted.env).toMatchObject({ PORT: 3000, portGiven: false });
  });

  it("trusts no proxy unless TRUST_PROXY names how many", () => {
    const unset = parseEnv({});
    const two = parseEnv({ TRUST_PROXY: "2" });
    expect(unset.success && unset.env).toMatchObject({ TRUST_PROXY: 0 });
    expect(two.success && two.env).toMatchObject({ TRUST_PROXY: 2 });
    const bad = parseEnv({ TRUST_PROXY: "true" });
    expect(!bad.success && bad.error).toContain("TRUST_PROXY: must be the number of trusted proxy hops");
  });

  it("takes company sign-in whole or not at all, and password sign-in off only beside it", () => {
    const company = {
      OIDC_ISSUER: "https://login.acme.test",
      OIDC_CLIENT_ID: "touchbase",
      OIDC_CLIENT_SECRET: "secret",
      OIDC_ALLOWED_DOMAINS: " Acme.test, acme.example ",
    };
    expect(parseEnv(company)).toMatchObject({
      success: true,
      env: { OIDC_ALLOWED_DOMAINS: ["acme.test", "acme.example"], OIDC_NAME: "your company", OIDC_DEFAULT_ROLE: "staff" },
    });
    expect(parseEnv({ ...company, PASSWORD_SIGN_IN: "off" }).success).toBe(true);

    const half = parseEnv({ OIDC_ISSUER: company.OIDC_ISSUER, OIDC_CLIENT_ID: "touchbase" });
    expect(half.success || half.error).toMatch(/OIDC_CLIENT_SECRET: required for company sign-in[\s\S]*OIDC_ALLOWED_DOMAINS: required/);
    expect(parseEnv({ PASSWORD_SIGN_IN: "off" })).toMatchObject({ success: false, error: expect.stringContaining("PASSWORD_SIGN_IN") });
    expect(parseEnv({ ...company, OIDC_ALLOWED_DOMAINS: "acme.test,*" })).toMatchObject({
      success: false,
      error: expect.stringContaining("OIDC_ALLOWED_DOMAINS.1: must be domains"),
    });
    expect(parseEnv({ ...company, OIDC_DEFAULT_ROLE: "admin" }).success).toBe(false);
  });

  it("keeps the demo on this machine unless HOST says otherwise", () => {
    const demo = parseEnv({});
    const server = parseEnv({ DATABASE_URL: "postgres://db/app" });
    const opened = parseEnv({ HOST: "0.0.0.0" });
    expect(demo.success && demo.env.host).toBe("127.0.0.1");
    expect(server.success && server.env.host).toBe("0.0.0.0");
    expect(opened.success && opened.env.host).toBe("0.0.0.0");
  });
});
