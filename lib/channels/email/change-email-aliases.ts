import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { canManageWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { channels, type Channel } from "@/lib/db/schema";
import { conflictingValue, isUniqueViolation } from "@/lib/db/unique-violation";
import { fieldConflict, forbidden, invalidField, notFound } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import type { EmailChannelSettings } from "./email-channel-config";
import type { EmailAliasesInput } from "./email-channel.validation";

/**
 * An admin adds or removes the other addresses an email inbox answers to. An address
 * another channel already answers to is refused, naming it (the address list's primary
 * key decides, so two admins at once cannot both take one).
 */
export async function changeEmailAliases(actor: Actor, input: EmailAliasesInput): Promise<Channel> {
  if (!canManageWorkspace(actor)) throw forbidden("Only admins change channels");
  let updated: Channel;
  try {
    updated = await db().transaction(async (tx) => {
      const [channel] = await tx
        .select()
        .from(channels)
        .where(and(eq(channels.id, input.channelId), eq(channels.kind, "email")))
        .for("update");
      if (!channel) throw notFound("Email channel");
      const settings = channel.settings as EmailChannelSettings;
      if (input.aliases.includes(settings.address)) throw invalidField("aliases", `${settings.address} is already this channel's main address`);
      const before = settings.aliases ?? [];
      const [changed] = await tx
        .update(channels)
        .set({ settings: { ...settings, aliases: input.aliases }, updatedAt: sql`now()` })
        .where(eq(channels.id, channel.id))
        .returning();
      await recordAudit(tx, actor, {
        action: "channel.addresses_changed",
        target: { type: "channel", id: channel.id, name: channel.name },
        data: { added: input.aliases.filter((a) => !before.includes(a)), removed: before.filter((a) => !input.aliases.includes(a)) },
      });
      return changed!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "email_channel_addresses_pkey")) {
      throw fieldConflict("aliases", `${conflictingValue(error) ?? "An address"} already belongs to another email channel`);
    }
    if (isUniqueViolation(error, "channels_email_address_key")) {
      throw fieldConflict("aliases", `${conflictingValue(error) ?? "An address"} is another email channel's main address`);
    }
    throw error;
  }
  publish({ type: "channel.changed", channelId: updated.id });
  return updated;
}
