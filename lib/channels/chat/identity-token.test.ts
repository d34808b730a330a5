import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { verifyIdentityToken } from "./identity-token";

const secret = "whs_test-secret-that-is-long-enough-for-hs256";
const sign = (claims: Record<string, unknown>, key = secret, expiresIn = "10m", alg = "HS256") =>
  new SignJWT(claims).setProtectedHeader({ alg }).setSubject("user-42").setIssuedAt().setExpirationTime(expiresIn).sign(new TextEncoder().encode(key));

describe("verifyIdentityToken", () => {
  it("accepts a token the site signed with the channel's secret", async () => {
    const token = await sign({ email: "Ada@Example.com", name: "Ada" });
    expect(await verifyIdentityToken(token, secret)).toEqual({
      ok: true,
      identity: { userId: "user-42", email: "ada@example.com", name: "Ada" },
    });
  });

  it("refuses another key, another algorithm, a long-lived or an expired token, and a bare claim", async () => {
    expect(await verifyIdentityToken(await sign({}, "another-secret-that-is-long-enough"), secret)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyIdentityToken(await sign({}, secret, "10m", "HS512"), secret)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyIdentityToken(await sign({}, secret, "30d"), secret)).toEqual({ ok: false, reason: "invalid" });
    const expired = await sign({}, secret, "1s");
    expect(await verifyIdentityToken(expired, secret, new Date(Date.now() + 60_000))).toEqual({ ok: false, reason: "expired" });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"sub":"user-42","exp":9999999999}').toString("base64url")}.`;
    expect(await verifyIdentityToken(unsigned, secret)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyIdentityToken("user-42", secret)).toEqual({ ok: false, reason: "invalid" });
  });
});
