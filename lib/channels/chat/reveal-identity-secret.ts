import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { openSecrets } from "../secret-box";
import type { ChatChannelSecrets } from "./chat-channel-config";
import { confirmSecretAccess } from "./confirm-secret-access";
import { findChatChannelRow } from "./find-chat-channel-row";

/** Shows the secret the website signs visitors with again, to an admin who signed for it; audited. */
export async function revealIdentitySecret(actor: Actor, channelId: string, confirmation: string): Promise<string> {
  const channel = await findChatChannelRow(db(), channelId);
  await confirmSecretAccess(actor, confirmation, channel.name);
  const { identitySecret } = openSecrets<ChatChannelSecrets>(channel.sealedSecrets!);
  await db().transaction((tx) =>
    recordAudit(tx, actor, { action: "channel.identity_secret_revealed", target: { type: "channel", id: channel.id, name: channel.name } }),
  );
  return identitySecret;
}
