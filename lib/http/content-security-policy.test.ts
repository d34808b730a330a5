import { describe, expect, it } from "vitest";
import { newScriptNonce, pageContentSecurityPolicy, strictTransportSecurity } from "./content-security-policy";
import { forwardedRequest } from "./forwarded-request";

const scriptSources = (policy: string) => /script-src ([^;]*)/.exec(policy)?.[1] ?? "";

describe("the pages' Content-Security-Policy", () => {
  it("lets scripts run only with the response's nonce, never inline, and never framed", () => {
    const nonce = newScriptNonce();
    const policy = pageContentSecurityPolicy({ nonce, development: false });
    expect(scriptSources(policy)).toBe(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(newScriptNonce()).not.toBe(nonce);
  });

  it("allows eval only to React's development build", () => {
    expect(scriptSources(pageContentSecurityPolicy({ nonce: "n", development: true }))).toContain("'unsafe-eval'");
    expect(pageContentSecurityPolicy({ nonce: "n", development: false })).not.toContain("unsafe-eval");
  });
});

describe("HSTS", () => {
  const servedOverHttps = (headers: Record<string, string>, trustedHops: number) =>
    forwardedRequest(headers, "10.0.0.2", trustedHops).proto === "https";

  it("is sent when the trusted proxy says the client used https, and not for a forged header", () => {
    const viaProxy = { host: "help.acme.test", "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.9" };
    expect(strictTransportSecurity(servedOverHttps(viaProxy, 1))).toMatch(/^max-age=\d{8}/);
    expect(strictTransportSecurity(servedOverHttps(viaProxy, 0))).toBeNull();
    expect(strictTransportSecurity(servedOverHttps({ host: "help.acme.test" }, 1))).toBeNull();
  });
});
