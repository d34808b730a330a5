import { recordAudit } from "@/lib/audit/record-audit";
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
  const { key, apiKey } = await db().transaction(async (tx) => {
    const created = await createApiKey(tx, {
      name: input.name,
      createdById: actor.type === "user" ? actor.id : null,
      scope: input.scope,
    });
    await recordAudit(tx, actor, {
      action: "api_key.created",
      target: { type: "api_key", id: created.apiKey.id, name: created.apiKey.name },
      data: { prefix: created.apiKey.prefix, scope: created.apiKey.scope },
    });
    return created;
  });
  const { id, name, prefix, scope, createdAt, lastUsedAt, revokedAt } = apiKey;
  return { key, apiKey: { id, name, prefix, scope, createdAt, lastUsedAt, revokedAt } };
}
