import type { z } from "zod";
import type { ChannelConfig } from "../channel-config";
import type { emailChannelInput } from "./email-channel.validation";

export type EmailChannelSettings = z.output<typeof emailChannelInput>;

export const emailChannelConfig: ChannelConfig<EmailChannelSettings, EmailChannelSettings, null> = {
  build: (input) => ({ settings: input, secrets: null }),
  present: (channel, _secrets, { appUrl }) => ({
    address: channel.settings.address,
    aliases: channel.settings.aliases ?? [],
    displayName: channel.settings.displayName ?? null,
    signature: channel.settings.signature ?? null,
    autoAcknowledge: channel.settings.autoAcknowledge ?? false,
    // For providers that forward mail over HTTP: POST the raw message here with an API key.
    inboundUrl: `${appUrl}/api/v1/channels/${channel.id}/inbound`,
  }),
};
