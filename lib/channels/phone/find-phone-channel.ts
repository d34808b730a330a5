import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { channels } from "@/lib/db/schema";
import { openSecrets } from "../secret-box";
import type { PhoneChannelSecrets, PhoneChannelSettings } from "./phone-channel-config";

export type PhoneChannel = { id: string; name: string; settings: PhoneChannelSettings; secrets: PhoneChannelSecrets };

/** An active phone channel with its opened secrets, for the webhooks; undefined for any other id. */
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
