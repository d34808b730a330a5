import type { Actor } from "@/lib/auth/actor";
import { createApiKey, type ApiKeyListItem } from "@/lib/auth/api-keys";
import { canManageSettings } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import type { CreateApiKeyInput } from "./api-key.validation";

/** An admin creates an API key; the full key is returned this once and never again. */
export async function createApiKeyAsAdmin(
  actor: Actor,
  input: CreateApiKeyInput,
): Promise<{ key: string; apiKey: ApiKeyListItem }> {
  if (!canManageSettings(actor)) throw forbidden("Only admins can change settings");
  const { key, apiKey } = await createApiKey(db(), {
    name: input.name,
    createdById: actor.type === "user" ? actor.id : null,
  });
  const { id, name, prefix, createdAt, lastUsedAt, revokedAt } = apiKey;
  return { key, apiKey: { id, name, prefix, createdAt, lastUsedAt, revokedAt } };
}
