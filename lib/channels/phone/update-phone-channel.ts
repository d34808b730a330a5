import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { canManageWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { channels } from "@/lib/db/schema";
import { forbidden, notFound } from "@/lib/errors";
import type { ChannelView } from "../channel-config";
import { presentChannel } from "../channel-views";
import { forgetPhoneChannel } from "./find-phone-channel";
import type { UpdatePhoneChannelInput } from "./phone-channel.validation";

/**
 * An admin changes how a phone channel answers (greeting, agents' numbers, voicemail,
 * recording). The next call's TwiML uses it: at once on this node, within the webhooks'
 * channel cache time on the others.
 */
export async function updatePhoneChannel(actor: Actor, channelId: string, change: UpdatePhoneChannelInput): Promise<ChannelView> {
  if (!canManageWorkspace(actor)) throw forbidden("Only admins change channels");
  const fields = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));

  const channel = await db().transaction(async (tx) => {
    const [updated] = await tx
      .update(channels)
      .set({ settings: sql`${channels.settings} || ${JSON.stringify(fields)}::jsonb`, updatedAt: sql`now()` })
      .where(and(eq(channels.id, channelId), eq(channels.kind, "phone")))
      .returning();
    if (!updated) throw notFound("Phone channel");
    await recordAudit(tx, actor, {
      action: "channel.updated",
      target: { type: "channel", id: updated.id, name: updated.name },
      data: { kind: "phone", changed: Object.keys(fields) },
    });
    return updated;
  });
  forgetPhoneChannel(channel.id);
  return presentChannel(channel, { reveal: false });
}
