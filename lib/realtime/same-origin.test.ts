import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

describe("isSameOrigin", () => {
  it("accepts our own pages and clients that are not browser pages", () => {
    expect(isSameOrigin({ host: "localhost:3000", origin: "http://localhost:3000" }, undefined)).toBe(true);
    expect(isSameOrigin({ host: "localhost:3000" }, undefined)).toBe(true);
  });

  it("accepts the public host behind a proxy", () => {
    const headers = { host: "127.0.0.1:3000", origin: "https://help.acme.com" };
    expect(isSameOrigin({ ...headers, "x-forwarded-host": "help.acme.com" }, undefined)).toBe(true);
    expect(isSameOrigin(headers, "https://help.acme.com")).toBe(true);
  });

  it("refuses other sites, sibling subdomains and garbage", () => {
    const host = "help.acme.com";
    expect(isSameOrigin({ host, origin: "https://evil.example" }, undefined)).toBe(false);
    expect(isSameOrigin({ host, origin: "https://blog.acme.com" }, undefined)).toBe(false);
    expect(isSameOrigin({ host, origin: "null" }, undefined)).toBe(false);
  });
});
