import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { channels, type Channel } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import type { ChatChannelSettings } from "./chat-channel-config";

export type ChatChannelRow = Channel & { settings: ChatChannelSettings };

/** The chat channel with this id, or a 404; locked for the rest of the transaction when asked. */
export async function findChatChannelRow(q: Queryable, channelId: string, options: { lock?: boolean } = {}): Promise<ChatChannelRow> {
  const query = q.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.kind, "chat")));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound("Chat channel");
  return row as ChatChannelRow;
}
