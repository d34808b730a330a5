import { describe, expect, it } from "vitest";
import { signVisitorToken, verifyVisitorToken } from "./visitor-token";

const claims = {
  channelId: "11111111-1111-4111-8111-111111111111",
  customerId: "22222222-2222-4222-8222-222222222222",
  anonymousId: "33333333-3333-4333-8333-333333333333",
  identified: false,
};
const expected = { channelId: claims.channelId, anonymousId: claims.anonymousId };

describe("visitor tokens", () => {
  it("proves the visitor for its channel and anonymous id", () => {
    const token = signVisitorToken(claims);
    expect(verifyVisitorToken(token, expected)).toMatchObject(claims);
  });

  it("is refused on another channel, with another anonymous id, or once expired", () => {
    const token = signVisitorToken(claims, 1_000);
    expect(verifyVisitorToken(token, expected, 2_000)).not.toBeNull();
    expect(verifyVisitorToken(token, { ...expected, channelId: "44444444-4444-4444-8444-444444444444" }, 2_000)).toBeNull();
    expect(verifyVisitorToken(token, { ...expected, anonymousId: "someone-else" }, 2_000)).toBeNull();
    expect(verifyVisitorToken(token, expected, 1_000 + 31 * 24 * 3600 * 1000)).toBeNull();
  });

  it("is refused when any part was changed", () => {
    const token = signVisitorToken(claims);
    const [payload, signature] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify([claims.channelId, "55555555-5555-4555-8555-555555555555", claims.anonymousId, 0, Date.now() + 1e9]),
    ).toString("base64url");
    expect(verifyVisitorToken(`${forged}.${signature}`, expected)).toBeNull();
    expect(verifyVisitorToken(`${payload}.${signature}x`, expected)).toBeNull();
    expect(verifyVisitorToken(`${payload}`, expected)).toBeNull();
    expect(verifyVisitorToken("", expected)).toBeNull();
  });
});
