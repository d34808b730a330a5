import type { z } from "zod";
import type { ChannelConfig } from "../channel-config";
import type { emailChannelInput } from "./email-channel.validation";

export type EmailChannelSettings = z.output<typeof emailChannelInput>;

export const emailChannelConfig: ChannelConfig<EmailChannelSettings, EmailChannelSettings, null> = {
  build: (input) => ({ settings: input, secrets: null }),
  present: (channel) => ({
    address: channel.settings.address,
    displayName: channel.settings.displayName ?? null,
    signature: channel.settings.signature ?? null,
  }),
};
