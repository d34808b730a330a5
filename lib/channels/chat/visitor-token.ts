import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

/**
 * What a visitor token proves: the bearer is the visitor we gave it to, for this channel
 * only, until it expires. It is also bound to the anonymous id kept beside it in the
 * page's storage, so a token copied on its own (a log, a screenshot) opens nothing.
 */
export type VisitorClaims = {
  channelId: string;
  customerId: string;
  anonymousId: string;
  identified: boolean;
  expiresAt: number;
};

export const anonymousTokenLifetimeMs = 30 * 24 * 60 * 60 * 1000;
// An identified visitor's token only bridges reconnections within a page's life; the site
// proves who they are again on every page load.
export const identifiedTokenLifetimeMs = 12 * 60 * 60 * 1000;

let key: Buffer | undefined;
// A key of its own, derived from AUTH_SECRET, so a visitor token can never pass for a session.
const tokenKey = () => (key ??= Buffer.from(hkdfSync("sha256", authSecret(), "", "touchbase/chat-visitor-token/v1", 32)));

const mac = (payload: string) => createHmac("sha256", tokenKey()).update(payload).digest();

export function signVisitorToken(claims: Omit<VisitorClaims, "expiresAt">, now = Date.now()): string {
  const lifetime = claims.identified ? identifiedTokenLifetimeMs : anonymousTokenLifetimeMs;
  const body: [string, string, string, 0 | 1, number] = [
    claims.channelId,
    claims.customerId,
    claims.anonymousId,
    claims.identified ? 1 : 0,
    now + lifetime,
  ];
  const payload = Buffer.from(JSON.stringify(body)).toString("base64url");
  return `${payload}.${mac(payload).toString("base64url")}`;
}

/** The claims of a genuine, unexpired token for this channel and anonymous id; null otherwise. */
export function verifyVisitorToken(
  token: string,
  expected: { channelId: string; anonymousId: string },
  now = Date.now(),
): VisitorClaims | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, "base64url");
  const wanted = mac(payload);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return null;
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(body) || body.length !== 5) return null;
  const [channelId, customerId, anonymousId, identified, expiresAt] = body as [string, string, string, number, number];
  if (channelId !== expected.channelId || anonymousId !== expected.anonymousId) return null;
  if (typeof expiresAt !== "number" || expiresAt <= now) return null;
  return { channelId, customerId, anonymousId, identified: identified === 1, expiresAt };
}
