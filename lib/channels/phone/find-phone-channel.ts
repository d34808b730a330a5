import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { channels } from "@/lib/db/schema";
import { openSecrets } from "../secret-box";
import type { PhoneChannelSecrets, PhoneChannelSettings } from "./phone-channel-config";

export type PhoneChannel = { id: string; name: string; settings: PhoneChannelSettings; secrets: PhoneChannelSecrets };

/** An active phone channel with its opened secrets; undefined for any other id. */
export async function findPhoneChannel(q: Queryable, id: string): Promise<PhoneChannel | undefined> {
  const [channel] = await q
    .select()
    .from(channels)
    .where(and(eq(channels.id, id), eq(channels.kind, "phone"), eq(channels.active, true)));
  if (!channel?.sealedSecrets) return undefined;
  return {
    id: channel.id,
    name: channel.name,
    settings: channel.settings as PhoneChannelSettings,
    secrets: openSecrets<PhoneChannelSecrets>(channel.sealedSecrets),
  };
}

// Every webhook of every call needs its channel; read from the database, it was one more
// round trip (and a decryption) on the path a caller waits on. A channel found is trusted
// for a few seconds, as API keys are: a change made on this node applies at once
// (forgetPhoneChannel), on other nodes within phoneChannelCacheMs. Unknown ids are not
// remembered, so a new channel works at once everywhere.
export const phoneChannelCacheMs = 5_000;
const store = globalThis as typeof globalThis & { __touchbasePhoneChannels?: Map<string, { channel: PhoneChannel; until: number }> };
const recent = (store.__touchbasePhoneChannels ??= new Map());

/** `findPhoneChannel` for the webhooks, remembering channels found for `phoneChannelCacheMs`. */
export async function findPhoneChannelCached(q: Queryable, id: string): Promise<PhoneChannel | undefined> {
  const hit = recent.get(id);
  if (hit && hit.until > Date.now()) return hit.channel;
  const channel = await findPhoneChannel(q, id);
  if (channel) recent.set(id, { channel, until: Date.now() + phoneChannelCacheMs });
  else recent.delete(id);
  return channel;
}

/** After a channel's settings or secrets change on this node. */
export function forgetPhoneChannel(id: string): void {
  recent.delete(id);
}
