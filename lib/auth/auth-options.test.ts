import { describe, expect, it } from "vitest";
import { sameOriginRedirect } from "./auth-options";

describe("sameOriginRedirect", () => {
  const baseUrl = "http://localhost:3000";

  it("keeps paths and URLs on our own origin", () => {
    expect(sameOriginRedirect({ url: "/tickets/1?x=1", baseUrl })).toBe("http://localhost:3000/tickets/1?x=1");
    expect(sameOriginRedirect({ url: "http://localhost:3000/inbox", baseUrl })).toBe("http://localhost:3000/inbox");
  });

  it("sends everything else home, without throwing", () => {
    for (const url of [
      "http://localhost:3000.evil.example/",
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "http://localhost:3000@evil.example/",
      "javascript:alert(1)",
      "http://[::1",
    ]) {
      expect(sameOriginRedirect({ url, baseUrl })).toBe(baseUrl);
    }
  });
});
