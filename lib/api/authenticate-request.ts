import type { Actor } from "@/lib/auth/actor";
import { actorForApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const unauthorized = () =>
  new AppError("unauthorized", "Send a valid API key as `Authorization: Bearer <key>`");

/** The integration behind a request's bearer API key; 401 for a missing, malformed or revoked key. */
export async function authenticateRequest(request: Request): Promise<Actor> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  if (!match?.[1]) throw unauthorized();
  const actor = await actorForApiKey(db(), match[1]);
  if (!actor) throw unauthorized();
  return actor;
}
