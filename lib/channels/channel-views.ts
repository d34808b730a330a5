import type { Channel } from "@/lib/db/schema";
import { appUrl } from "@/lib/env";
import type { ChannelView } from "./channel-config";
import { channelConfigs } from "./channel-configs";
import { openSecrets } from "./secret-box";

/** A channel as the API and Settings show it: secrets only when `reveal` asks for them. */
export function presentChannel(channel: Channel, options: { reveal: boolean }): ChannelView {
  const secrets = options.reveal && channel.sealedSecrets ? openSecrets(channel.sealedSecrets) : null;
  return {
    id: channel.id,
    kind: channel.kind,
    name: channel.name,
    active: channel.active,
    createdAt: channel.createdAt.toISOString(),
    updatedAt: channel.updatedAt.toISOString(),
    ...channelConfigs[channel.kind].present(channel, secrets, { reveal: options.reveal, appUrl: appUrl() }),
  };
}
