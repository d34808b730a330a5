import { describe, expect, it } from "vitest";
import { forwardedRequest } from "./forwarded-request";

describe("forwardedRequest", () => {
  const forged = {
    host: "127.0.0.1:3000",
    "x-forwarded-for": "6.6.6.6",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
  };

  it("ignores every forwarded header when no proxy is trusted", () => {
    expect(forwardedRequest(forged, "::ffff:10.0.0.7", 0)).toEqual({
      address: "10.0.0.7",
      host: "127.0.0.1:3000",
      proto: undefined,
    });
  });

  it("takes the client from the entry the outermost trusted proxy appended, not what the client wrote", () => {
    // The client sent "6.6.6.6"; the edge proxy appended the address it saw (203.0.113.9),
    // the inner proxy appended the edge's (10.0.0.2), and the socket peer is the inner proxy.
    const headers = { host: "app:3000", "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" };
    expect(forwardedRequest(headers, "10.0.0.3", 1).address).toBe("10.0.0.2");
    expect(forwardedRequest(headers, "10.0.0.3", 2).address).toBe("203.0.113.9");
    expect(forwardedRequest({ host: "app:3000", "x-forwarded-for": "203.0.113.9" }, "10.0.0.3", 5).address).toBe(
      "203.0.113.9",
    );
  });

  it("reads the public host and scheme the trusted proxy set", () => {
    const headers = { host: "app:3000", "x-forwarded-host": "help.acme.com", "x-forwarded-proto": "https" };
    expect(forwardedRequest(headers, "10.0.0.3", 1)).toEqual({ address: "10.0.0.3", host: "help.acme.com", proto: "https" });
    // A proxy that appends instead of overwriting: the client's own value comes first.
    const appended = { host: "app:3000", "x-forwarded-host": "evil.example, help.acme.com" };
    expect(forwardedRequest(appended, "10.0.0.3", 1).host).toBe("help.acme.com");
    expect(forwardedRequest({ host: "app:3000" }, "10.0.0.3", 1).host).toBe("app:3000");
  });
});
