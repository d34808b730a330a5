import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { apiKeys } from "@/lib/db/schema";
import { createTestApiKey } from "@/lib/testing/factories";
import { actorForApiKey, cachedActorForApiKey, createApiKey, hashApiKey, listApiKeys, revokeApiKey } from "./api-keys";

describe("API keys", () => {
  it("stores only a hash and a short prefix of a new key", async () => {
    const { key, apiKey } = await createApiKey(db(), { name: "zapier", createdById: null });

    expect(key).toMatch(/^tb_[A-Za-z0-9_-]{40,}$/);
    expect(apiKey.keyHash).toBe(hashApiKey(key));
    expect(apiKey.prefix).toBe(key.slice(0, 10));
    const [row] = await db().select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(JSON.stringify(row)).not.toContain(key);
  });

  it("turns an active key into an api_key actor and records its use", async () => {
    const { key, apiKey } = await createTestApiKey({ name: "crm sync" });

    expect(await actorForApiKey(db(), key)).toEqual({ type: "api_key", id: apiKey.id, name: "crm sync", scope: "full" });
    const [row] = await db().select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row!.lastUsedAt).not.toBeNull();
  });

  it("records use to the minute, not on every request", async () => {
    const { key, apiKey } = await createTestApiKey();
    const lastUsedAt = async () =>
      (await db().select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, apiKey.id)))[0]!.at;

    await actorForApiKey(db(), key);
    const first = await lastUsedAt();
    await actorForApiKey(db(), key);
    expect(await lastUsedAt()).toEqual(first);

    const twoMinutesAgo = new Date(Date.now() - 2 * 60_000);
    await db().update(apiKeys).set({ lastUsedAt: twoMinutesAgo }).where(eq(apiKeys.id, apiKey.id));
    await actorForApiKey(db(), key);
    expect((await lastUsedAt())!.getTime()).toBeGreaterThan(twoMinutesAgo.getTime());
  });

  it("refuses revoked, unknown and foreign keys", async () => {
    const { key, apiKey } = await createTestApiKey();
    expect(await revokeApiKey(db(), apiKey.id)).toEqual({ id: apiKey.id, name: apiKey.name });
    expect(await revokeApiKey(db(), apiKey.id)).toBeNull();

    expect(await actorForApiKey(db(), key)).toBeNull();
    expect(await actorForApiKey(db(), `${key}x`)).toBeNull();
    expect(await actorForApiKey(db(), key.replace(/^tb_/, "sk_"))).toBeNull();
    expect(await actorForApiKey(db(), "")).toBeNull();
  });

  it("lists keys without their secret, active ones first", async () => {
    const active = await createTestApiKey();
    const revoked = await createTestApiKey({ revoked: true });
    const list = await listApiKeys(db());

    const activeAt = list.findIndex((k) => k.id === active.apiKey.id);
    const revokedAt = list.findIndex((k) => k.id === revoked.apiKey.id);
    expect(activeAt).toBeGreaterThanOrEqual(0);
    expect(revokedAt).toBeGreaterThan(activeAt);
    expect(list[activeAt]).not.toHaveProperty("keyHash");
  });
});

describe("cachedActorForApiKey", () => {
  it("remembers a valid key, and forgets it the moment it is revoked", async () => {
    const { key, apiKey } = await createApiKey(db(), { name: `cached ${Date.now()}`, createdById: null });
    expect(await cachedActorForApiKey(db(), key)).toMatchObject({ id: apiKey.id });
    await revokeApiKey(db(), apiKey.id);
    expect(await cachedActorForApiKey(db(), key)).toBeNull();
  });
});
