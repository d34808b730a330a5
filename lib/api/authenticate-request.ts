import type { Actor } from "@/lib/auth/actor";
import { cachedActorForApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const unauthorized = () =>
  new AppError("unauthorized", "Send a valid API key as `Authorization: Bearer <key>` (or as the Basic-auth user name)");

/**
 * The integration behind a request's API key; 401 for a missing, malformed or revoked key.
 * The key comes as a bearer token, or as the Basic-auth user name with an empty password,
 * which is how Segment sources send their write key.
 */
export async function authenticateRequest(request: Request): Promise<Actor> {
  const key = keyFromAuthorization(request.headers.get("authorization") ?? "");
  if (!key) throw unauthorized();
  const actor = await cachedActorForApiKey(db(), key);
  if (!actor) throw unauthorized();
  return actor;
}

export function keyFromAuthorization(header: string): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer?.[1]) return bearer[1];
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!basic?.[1]) return null;
  const decoded = Buffer.from(basic[1], "base64").toString("utf8");
  const user = decoded.split(":", 1)[0];
  return user || null;
}
