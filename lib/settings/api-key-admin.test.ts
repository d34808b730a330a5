import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listApiKeys } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { apiKeys } from "@/lib/db/schema";
import { createTestApiKey, createTestUser, uniqueSuffix } from "@/lib/testing/factories";
import { createApiKeyAsAdmin } from "./create-api-key-as-admin";
import { revokeApiKeyAsAdmin } from "./revoke-api-key-as-admin";

describe("API keys in settings", () => {
  it("lets an admin create a key, shown in full once and listed by prefix", async () => {
    const { actor } = await createTestUser({ role: "admin" });
    const name = `zapier ${uniqueSuffix()}`;
    const { key, apiKey } = await createApiKeyAsAdmin(actor, { name });
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const listed = (await listApiKeys(db())).find((item) => item.id === apiKey.id);
    expect(listed).toMatchObject({ name, revokedAt: null });
    expect(listed).not.toHaveProperty("keyHash");
  });

  it("refuses agents and staff before doing anything", async () => {
    for (const role of ["agent", "staff"] as const) {
      const { actor } = await createTestUser({ role });
      const name = `sneaky ${uniqueSuffix()}`;
      await expect(createApiKeyAsAdmin(actor, { name })).rejects.toMatchObject({ code: "forbidden" });
      expect(await db().select().from(apiKeys).where(eq(apiKeys.name, name))).toHaveLength(0);

      const { apiKey } = await createTestApiKey();
      await expect(revokeApiKeyAsAdmin(actor, apiKey.id)).rejects.toMatchObject({ code: "forbidden" });
      const [stored] = await db().select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
      expect(stored?.revokedAt).toBeNull();
    }
  });

  it("revokes an active key once", async () => {
    const { actor } = await createTestUser({ role: "admin" });
    const { apiKey } = await createTestApiKey();
    await revokeApiKeyAsAdmin(actor, apiKey.id);
    await expect(revokeApiKeyAsAdmin(actor, apiKey.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
