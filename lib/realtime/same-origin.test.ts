import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

describe("isSameOrigin", () => {
  it("accepts our own pages and clients that are not browser pages", () => {
    expect(isSameOrigin({ host: "localhost:3000", origin: "http://localhost:3000" }, undefined, 0)).toBe(true);
    expect(isSameOrigin({ host: "localhost:3000" }, undefined, 0)).toBe(true);
  });

  it("accepts the public host behind a trusted proxy, or the configured APP_URL", () => {
    const headers = { host: "127.0.0.1:3000", origin: "https://help.acme.com" };
    expect(isSameOrigin({ ...headers, "x-forwarded-host": "help.acme.com" }, undefined, 1)).toBe(true);
    expect(isSameOrigin(headers, "https://help.acme.com", 0)).toBe(true);
  });

  it("ignores a forwarded host when no proxy is trusted", () => {
    const headers = { host: "127.0.0.1:3000", origin: "https://evil.example", "x-forwarded-host": "evil.example" };
    expect(isSameOrigin(headers, undefined, 0)).toBe(false);
  });

  it("refuses other sites, sibling subdomains and garbage", () => {
    const host = "help.acme.com";
    expect(isSameOrigin({ host, origin: "https://evil.example" }, undefined, 0)).toBe(false);
    expect(isSameOrigin({ host, origin: "https://blog.acme.com" }, undefined, 0)).toBe(false);
    expect(isSameOrigin({ host, origin: "null" }, undefined, 0)).toBe(false);
  });
});
