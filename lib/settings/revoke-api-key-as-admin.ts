import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { revokeApiKey } from "@/lib/auth/api-keys";
import { canManageSettings } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors";

/** An admin revokes a key; requests made with it are refused from now on. */
export async function revokeApiKeyAsAdmin(actor: Actor, id: string): Promise<void> {
  if (!canManageSettings(actor)) throw forbidden("Only admins can change settings");
  await db().transaction(async (tx) => {
    const revoked = await revokeApiKey(tx, id);
    if (!revoked) throw notFound("Active API key");
    await recordAudit(tx, actor, { action: "api_key.revoked", target: { type: "api_key", ...revoked } });
  });
}
