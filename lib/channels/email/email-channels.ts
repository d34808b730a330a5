import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
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

/** Every address we send from: mail from any of them is our own and never opens a ticket. */
export function channelAddresses(channel: EmailChannel): string[] {
  return [channel.settings.address, ...(channel.settings.aliases ?? [])];
}
