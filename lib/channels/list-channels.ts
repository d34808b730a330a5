import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { channels, type Channel, type ChannelKind } from "@/lib/db/schema";

export async function listChannels(q: Queryable, options: { kind?: ChannelKind } = {}): Promise<Channel[]> {
  return q
    .select()
    .from(channels)
    .where(options.kind ? eq(channels.kind, options.kind) : undefined)
    .orderBy(asc(channels.createdAt), asc(channels.id));
}

export async function findChannel(q: Queryable, id: string): Promise<Channel | undefined> {
  const [channel] = await q.select().from(channels).where(eq(channels.id, id));
  return channel;
}
