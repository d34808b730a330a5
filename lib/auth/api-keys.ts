import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { apiKeys, type ApiKey, type ApiKeyScope } from "@/lib/db/schema";
import type { Actor } from "./actor";

const keyPrefix = "tb_";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Creates a key and returns it in full, the only time it exists outside the caller. */
export async function createApiKey(
  q: Queryable,
  input: { name: string; createdById: string | null; scope?: ApiKeyScope },
): Promise<{ key: string; apiKey: ApiKey }> {
  const key = keyPrefix + randomBytes(32).toString("base64url");
  const [apiKey] = await q
    .insert(apiKeys)
    .values({
      name: input.name,
      prefix: key.slice(0, 10),
      keyHash: hashApiKey(key),
      createdById: input.createdById,
      scope: input.scope ?? "full",
    })
    .returning();
  return { key, apiKey: apiKey! };
}

// "Last used" is for people deciding which keys to revoke: a minute's precision is plenty,
// and it spares a busy integration a row write on every request.
const lastUsedPrecision = sql`interval '1 minute'`;

/** The actor for a bearer key, or null for an unknown or revoked key. */
export async function actorForApiKey(q: Queryable, key: string): Promise<Actor | null> {
  if (!key.startsWith(keyPrefix)) return null;
  const [apiKey] = await q
    .select({ id: apiKeys.id, name: apiKeys.name, scope: apiKeys.scope, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt)));
  if (!apiKey) return null;
  await q
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiKeys.id, apiKey.id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - ${lastUsedPrecision}`)),
      ),
    );
  return { type: "api_key", id: apiKey.id, name: apiKey.name, scope: apiKey.scope };
}

// An integration sends its key with every request: looking it up for each one cost a
// query (and a connection) per request. A key found valid is trusted for a few seconds;
// revoking it forgets it at once on this node, and other nodes within that time.
export const apiKeyCacheMs = 5_000;
const maxCachedKeys = 1_000;
const recentlyValid = new Map<string, { actor: Actor; until: number }>();

/** `actorForApiKey` on the app's request path, remembering valid keys for `apiKeyCacheMs`. */
export async function cachedActorForApiKey(q: Queryable, key: string): Promise<Actor | null> {
  const hash = hashApiKey(key);
  const cached = recentlyValid.get(hash);
  if (cached && cached.until > Date.now()) return cached.actor;
  const actor = await actorForApiKey(q, key);
  if (!actor) {
    recentlyValid.delete(hash);
    return null;
  }
  if (recentlyValid.size >= maxCachedKeys) recentlyValid.clear();
  recentlyValid.set(hash, { actor, until: Date.now() + apiKeyCacheMs });
  return actor;
}

function forgetCachedApiKey(id: string): void {
  for (const [hash, entry] of recentlyValid) if (entry.actor.id === id) recentlyValid.delete(hash);
}

export type ApiKeyListItem = Pick<ApiKey, "id" | "name" | "prefix" | "scope" | "createdAt" | "lastUsedAt" | "revokedAt">;

export async function listApiKeys(q: Queryable): Promise<ApiKeyListItem[]> {
  return q
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scope: apiKeys.scope,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .orderBy(sql`${apiKeys.revokedAt} is not null`, sql`${apiKeys.createdAt} desc`);
}

/** Revokes an active key; returns it, or null when there is no such active key. */
export async function revokeApiKey(q: Queryable, id: string): Promise<{ id: string; name: string } | null> {
  const [revoked] = await q
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name });
  forgetCachedApiKey(id);
  return revoked ?? null;
}
