import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { channels } from "@/lib/db/schema";
import { sealSecrets } from "../secret-box";
import { newIdentitySecret, type ChatChannelSecrets } from "./chat-channel-config";
import { confirmSecretAccess } from "./confirm-secret-access";
import { findChatChannelRow } from "./find-chat-channel-row";

/**
 * Replaces the secret the website signs visitors with (after a leak, say): identities signed
 * with the old one are refused from now on. Shown once, to the admin who signed for it; audited.
 */
export async function rotateIdentitySecret(actor: Actor, channelId: string, confirmation: string): Promise<string> {
  const channel = await findChatChannelRow(db(), channelId);
  await confirmSecretAccess(actor, confirmation, channel.name);
  const identitySecret = newIdentitySecret();
  await db().transaction(async (tx) => {
    await findChatChannelRow(tx, channelId, { lock: true });
    await tx
      .update(channels)
      .set({ sealedSecrets: sealSecrets({ identitySecret } satisfies ChatChannelSecrets), updatedAt: sql`now()` })
      .where(eq(channels.id, channelId));
    await recordAudit(tx, actor, { action: "channel.identity_secret_rotated", target: { type: "channel", id: channel.id, name: channel.name } });
  });
  return identitySecret;
}
