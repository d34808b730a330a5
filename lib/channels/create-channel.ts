import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { canManageWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { channels } from "@/lib/db/schema";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { fieldConflict, forbidden } from "@/lib/errors";
import type { ChannelView } from "./channel-config";
import { channelConfigs } from "./channel-configs";
import type { CreateChannelInput } from "./channel.validation";
import { presentChannel } from "./channel-views";
import { sealSecrets } from "./secret-box";

/** Sets up a new inbox; the answer is the one time its generated secrets are shown. */
export async function createChannel(actor: Actor, input: CreateChannelInput): Promise<ChannelView> {
  if (!canManageWorkspace(actor)) throw forbidden("Only admins set up channels");
  const { kind, name, ...fields } = input;
  const config = channelConfigs[kind];
  const { settings, secrets } = config.build(fields);
  try {
    const channel = await db().transaction(async (tx) => {
      const [created] = await tx
        .insert(channels)
        .values({ kind, name, settings, sealedSecrets: secrets === null ? null : sealSecrets(secrets) })
        .returning();
      await recordAudit(tx, actor, { action: "channel.created", target: { type: "channel", id: created!.id, name }, data: { kind } });
      return created!;
    });
    return presentChannel(channel, { reveal: true });
  } catch (error) {
    const conflict = config.conflicts?.find(({ constraint }) => isUniqueViolation(error, constraint));
    if (conflict) throw fieldConflict(conflict.path, conflict.message);
    throw error;
  }
}
