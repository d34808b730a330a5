import { and, asc, eq } from "drizzle-orm";
import { db, type Queryable } from "@/lib/db/client";
import { subscribe } from "@/lib/events/event-bus";
import { channels, emailChannelAddresses, type Channel } from "@/lib/db/schema";
import type { EmailChannelSettings } from "./email-channel-config";
import { splitAddress } from "./threading";

export type EmailChannel = Channel & { settings: EmailChannelSettings };

/** The email channel that receives mail for this address, plus-tags ignored (support+t12-…@ → support@). */
export async function findEmailChannelForRecipient(q: Queryable, recipient: string): Promise<EmailChannel | undefined> {
  const { local, domain } = splitAddress(recipient);
  const base = `${local}@${domain}`;
  const [found] = await q
    .select({ channel: channels })
    .from(emailChannelAddresses)
    .innerJoin(channels, eq(channels.id, emailChannelAddresses.channelId))
    .where(and(eq(emailChannelAddresses.address, base), eq(channels.active, true)))
    .limit(1);
  return found?.channel as EmailChannel | undefined;
}

export async function listEmailChannels(q: Queryable): Promise<EmailChannel[]> {
  return (await q
    .select()
    .from(channels)
    .where(eq(channels.kind, "email"))
    .orderBy(asc(channels.createdAt), asc(channels.id))) as EmailChannel[];
}

// The SMTP dialogue asks for each recipient's channel, and the loop guard for every address
// of ours, once per mail: a burst would ask the database the same thing hundreds of times a
// second. A copy is kept for a few seconds and dropped at once when a channel changes on
// this node (others see a change within the same few seconds).
const cacheMs = 5_000;
const cache = globalThis as typeof globalThis & {
  __touchbaseEmailChannels?: { loaded: Promise<EmailChannel[]>; at: number };
  __touchbaseEmailChannelsWatch?: boolean;
};

/** The email channels, at most a few seconds old. */
export function recentEmailChannels(): Promise<EmailChannel[]> {
  if (!cache.__touchbaseEmailChannelsWatch) {
    cache.__touchbaseEmailChannelsWatch = true;
    subscribe((event) => {
      if (event.type === "channel.changed") cache.__touchbaseEmailChannels = undefined;
    });
  }
  const current = cache.__touchbaseEmailChannels;
  if (current && Date.now() - current.at < cacheMs) return current.loaded;
  const loaded = listEmailChannels(db());
  cache.__touchbaseEmailChannels = { loaded, at: Date.now() };
  loaded.catch(() => (cache.__touchbaseEmailChannels = undefined));
  return loaded;
}

/**
 * findEmailChannelForRecipient for the SMTP dialogue: from recentEmailChannels(), and from
 * the database for an address not found there (a channel made a moment ago on another node).
 */
export async function recentEmailChannelForRecipient(recipient: string): Promise<EmailChannel | undefined> {
  const { local, domain } = splitAddress(recipient);
  const base = `${local}@${domain}`;
  const known = (await recentEmailChannels()).find((channel) => channel.active && channelAddresses(channel).includes(base));
  return known ?? findEmailChannelForRecipient(db(), recipient);
}

/** Every address we send from: mail from any of them is our own and never opens a ticket. */
export function channelAddresses(channel: EmailChannel): string[] {
  return [channel.settings.address, ...(channel.settings.aliases ?? [])];
}
