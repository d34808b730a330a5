import { describe, expect, it } from "vitest";
import { pagePath, signInPath } from "./request-path";

describe("pagePath", () => {
  it("keeps the path and query a link points to", () => {
    expect(pagePath(new URL("http://app.test/tickets/abc"))).toBe("/tickets/abc");
    expect(pagePath(new URL("http://app.test/inbox?status=pending&assignee=me"))).toBe("/inbox?status=pending&assignee=me");
  });

  it("drops Next's internal _rsc parameter", () => {
    expect(pagePath(new URL("http://app.test/tickets/abc?_rsc=1x2y"))).toBe("/tickets/abc");
  });
});

describe("signInPath", () => {
  it("asks the sign-in page to come back to the page", () => {
    expect(signInPath("/tickets/abc")).toBe("/login?callbackUrl=%2Ftickets%2Fabc");
    expect(signInPath("/inbox?status=pending")).toBe("/login?callbackUrl=%2Finbox%3Fstatus%3Dpending");
  });

  it("returns to nothing but a path on this site", () => {
    expect(signInPath(null)).toBe("/login");
    expect(signInPath("/")).toBe("/login");
    expect(signInPath("//evil.example/x")).toBe("/login");
    expect(signInPath("https://evil.example/")).toBe("/login");
  });
});
