import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { canManageWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { channels } from "@/lib/db/schema";
import { conflictingValue, isUniqueViolation } from "@/lib/db/unique-violation";
import { fieldConflict, forbidden } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
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
    publish({ type: "channel.changed", channelId: channel.id });
    return presentChannel(channel, { reveal: true });
  } catch (error) {
    const conflict = config.conflicts?.find(({ constraint }) => isUniqueViolation(error, constraint));
    if (conflict) {
      const value = conflictingValue(error);
      // A clash on a value the caller gave in one field (an alias that is also the main
      // address elsewhere) is reported on that field, naming the value.
      const field = Object.entries(fields).find(([, given]) => given === value)?.[0];
      throw fieldConflict(field ?? conflict.path, value ? `${value}: ${lowerFirst(conflict.message)}` : conflict.message);
    }
    throw error;
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
