import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { canManageWorkspace } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { channels } from "@/lib/db/schema";
import { forbidden } from "@/lib/errors";
import type { ChannelView } from "../channel-config";
import { presentChannel } from "../channel-views";
import type { ChatChannelSettings } from "./chat-channel-config";
import type { ChatSettingsInput } from "./chat-settings.validation";
import { findChatChannelRow } from "./find-chat-channel-row";

/**
 * An admin changes what the widget shows and whom it lets in. The widget key stays (the
 * snippet on the website keeps working); new visitors' connections use the new settings.
 * The audit entry names the settings that changed.
 */
export async function updateChatChannel(actor: Actor, channelId: string, input: ChatSettingsInput): Promise<ChannelView> {
  if (!canManageWorkspace(actor)) throw forbidden("Only admins change channels");
  const updated = await db().transaction(async (tx) => {
    const current = await findChatChannelRow(tx, channelId, { lock: true });
    const settings: ChatChannelSettings = { ...input, widgetKey: current.settings.widgetKey };
    const keys = new Set([...Object.keys(current.settings), ...Object.keys(settings)]) as Set<keyof ChatChannelSettings>;
    const changed = [...keys].filter((key) => JSON.stringify(current.settings[key]) !== JSON.stringify(settings[key])).sort();
    if (changed.length === 0) return current;
    const [row] = await tx.update(channels).set({ settings, updatedAt: sql`now()` }).where(eq(channels.id, channelId)).returning();
    await recordAudit(tx, actor, {
      action: "channel.updated",
      target: { type: "channel", id: channelId, name: current.name },
      data: { kind: "chat", changed },
    });
    return row!;
  });
  return presentChannel(updated, { reveal: false });
}
