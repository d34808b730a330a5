import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { channels } from "@/lib/db/schema";
import { openSecrets } from "../secret-box";
import type { ChatChannelSecrets, ChatChannelSettings } from "./chat-channel-config";

/** A chat channel as the widget side needs it, with its identity secret opened. */
export type ChatChannel = {
  id: string;
  name: string;
  settings: ChatChannelSettings;
  identitySecret: string | null;
};

/** The active chat channel with this widget key (served by its unique expression index). */
export async function findChatChannelByKey(q: Queryable, widgetKey: string): Promise<ChatChannel | null> {
  const [row] = await q
    .select()
    .from(channels)
    .where(and(eq(channels.kind, "chat"), eq(channels.active, true), sql`${channels.settings}->>'widgetKey' = ${widgetKey}`))
    .limit(1);
  if (!row) return null;
  const secrets = row.sealedSecrets ? openSecrets<ChatChannelSecrets>(row.sealedSecrets) : null;
  return {
    id: row.id,
    name: row.name,
    settings: row.settings as ChatChannelSettings,
    identitySecret: secrets?.identitySecret ?? null,
  };
}
