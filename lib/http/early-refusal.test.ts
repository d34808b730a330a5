import { describe, expect, it } from "vitest";
import { earlyRefusal } from "./early-refusal";

const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({
  method,
  url,
  headers: { host: "localhost:3000", ...headers },
});

describe("earlyRefusal", () => {
  it("refuses a path that is not valid percent-encoding, whatever the route", () => {
    for (const url of ["/api/v1/tickets/%E0%A4%A", "/tickets/%ZZ", "/%"]) {
      expect(earlyRefusal(request(url), undefined, 0)).toMatchObject({ code: "bad_request" });
    }
    expect(earlyRefusal(request("/api/v1/tickets/%E2%9C%93?q=%E0%A4%A"), undefined, 0)).toBeNull();
  });

  it("refuses a POST to a page from another origin, and only that", () => {
    const foreign = { origin: "http://evil.example", "next-action": "abc" };
    expect(earlyRefusal(request("/inbox", foreign, "POST"), undefined, 0)).toMatchObject({ code: "forbidden" });
    expect(earlyRefusal(request("/inbox", { origin: "http://localhost:3000" }, "POST"), undefined, 0)).toBeNull();
    expect(earlyRefusal(request("/inbox", {}, "POST"), undefined, 0)).toBeNull();
    expect(earlyRefusal(request("/inbox", foreign, "GET"), undefined, 0)).toBeNull();
    // Integrations call the API from anywhere with a key, not a cookie.
    expect(earlyRefusal(request("/api/v1/tickets", foreign, "POST"), undefined, 0)).toBeNull();
    expect(earlyRefusal(request("/inbox", foreign, "POST"), "https://help.example.com", 0)).toMatchObject({ code: "forbidden" });
    expect(earlyRefusal(request("/inbox", { origin: "https://help.example.com" }, "POST"), "https://help.example.com", 0)).toBeNull();
  });
});
