import type { z } from "zod";
import type { ChannelConfig } from "../channel-config";
import type { phoneChannelInput } from "./phone-channel.validation";

type PhoneChannelInput = z.output<typeof phoneChannelInput>;
export type PhoneChannelSettings = Omit<PhoneChannelInput, "twilioAuthToken">;
export type PhoneChannelSecrets = { twilioAuthToken: string };

export const phoneChannelConfig: ChannelConfig<PhoneChannelInput, PhoneChannelSettings, PhoneChannelSecrets> = {
  build: ({ twilioAuthToken, ...settings }) => ({ settings, secrets: { twilioAuthToken } }),
  // The auth token is never shown again, not even on creation: Twilio's console has it.
  present: (channel, _secrets, { appUrl }) => {
    const base = `${appUrl}/api/channels/phone/${channel.id}`;
    return {
      phoneNumber: channel.settings.phoneNumber,
      twilioAccountSid: channel.settings.twilioAccountSid,
      webhooks: {
        voice: `${base}/voice`,
        status: `${base}/status`,
        recording: `${base}/recording`,
        transcription: `${base}/transcription`,
      },
    };
  },
};
