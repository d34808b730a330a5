import type { Queryable } from "@/lib/db/client";
import { listChannels } from "../list-channels";
import { callHandling, type PhoneChannelSettings } from "./phone-channel-config";

/** A phone channel Touchbase can place calls through: it rings one of its agents' numbers first. */
export type CallingChannel = { id: string; name: string; phoneNumber: string; agentNumbers: string[] };

/** The active phone channels with agents' numbers, oldest first; no secrets. */
export async function listCallingChannels(q: Queryable): Promise<CallingChannel[]> {
  const phoneChannels = await listChannels(q, { kind: "phone" });
  return phoneChannels
    .filter((channel) => channel.active && channel.sealedSecrets)
    .map((channel) => {
      const settings = channel.settings as PhoneChannelSettings;
      return { id: channel.id, name: channel.name, phoneNumber: settings.phoneNumber, agentNumbers: callHandling({ settings }).agentNumbers };
    })
    .filter((channel) => channel.agentNumbers.length > 0);
}
