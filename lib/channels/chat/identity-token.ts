import { errors, jwtVerify } from "jose";
import { z } from "zod";

/**
 * Who the website says its signed-in user is: a JWT the site's server signs with HS256
 * and the channel's identity secret (README "Identifying signed-in visitors"). Anything
 * else — unsigned, signed with another key or algorithm, expired, or valid for longer
 * than a day — is refused: the widget never trusts an identity the site did not sign.
 */
export type VerifiedIdentity = { userId: string; email: string | null; name: string | null };

export type IdentityResult = { ok: true; identity: VerifiedIdentity } | { ok: false; reason: "invalid" | "expired" };

export const maxIdentityLifetimeSeconds = 24 * 60 * 60;

const claims = z.object({
  sub: z.string().trim().min(1).max(200),
  email: z.email().max(320).optional(),
  name: z.string().trim().max(200).optional(),
  exp: z.number(),
});

export async function verifyIdentityToken(token: string, secret: string, now = new Date()): Promise<IdentityResult> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ["HS256"],
      requiredClaims: ["sub", "exp"],
      currentDate: now,
    });
    const parsed = claims.safeParse(payload);
    if (!parsed.success) return { ok: false, reason: "invalid" };
    if (parsed.data.exp - now.getTime() / 1000 > maxIdentityLifetimeSeconds) return { ok: false, reason: "invalid" };
    return {
      ok: true,
      identity: { userId: parsed.data.sub, email: parsed.data.email?.toLowerCase() ?? null, name: parsed.data.name || null },
    };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? "expired" : "invalid" };
  }
}
