import type { z } from "zod";
import type { ChannelConfig } from "../channel-config";
import type { phoneChannelInput } from "./phone-channel.validation";
import type { PhoneWebhookUrls } from "./twiml";

type PhoneChannelInput = z.output<typeof phoneChannelInput>;
// Channels made before voicemail and recording could be chosen have neither stored.
export type PhoneChannelSettings = Omit<PhoneChannelInput, "twilioAuthToken" | "voicemail" | "recordCalls"> &
  Partial<Pick<PhoneChannelInput, "voicemail" | "recordCalls">>;
export type PhoneChannelSecrets = { twilioAuthToken: string };

/**
 * Where Twilio reaches a phone channel. Twilio signs each request with the URL exactly as
 * configured, so these are built from the public base URL (APP_URL) that the webhooks
 * are verified against. `dial` and `outbound` are only named in our own TwiML and API
 * requests, never pasted into Twilio.
 */
export function phoneWebhookUrls(origin: string, channelId: string): PhoneWebhookUrls {
  const base = `${origin}/api/channels/phone/${channelId}`;
  return {
    voice: `${base}/voice`,
    outbound: `${base}/outbound`,
    dial: `${base}/dial`,
    status: `${base}/status`,
    recording: `${base}/recording`,
    transcription: `${base}/transcription`,
  };
}

/** How the channel answers calls; channels made before an option existed get its default. */
export function callHandling(channel: { settings: PhoneChannelSettings }) {
  const { greeting, agentNumbers, voicemail, recordCalls } = channel.settings;
  return { greeting: greeting ?? "", agentNumbers: agentNumbers ?? [], voicemail: voicemail ?? true, recordCalls: recordCalls ?? false };
}

export const phoneChannelConfig: ChannelConfig<PhoneChannelInput, PhoneChannelSettings, PhoneChannelSecrets> = {
  build: ({ twilioAuthToken, ...settings }) => ({ settings, secrets: { twilioAuthToken } }),
  conflicts: [{ constraint: "channels_phone_number_key", path: "phoneNumber", message: "This number already has a phone channel" }],
  // The auth token is never shown again, not even on creation: Twilio's console has it.
  present: (channel, _secrets, { appUrl }) => {
    const { voice, status, recording, transcription } = phoneWebhookUrls(appUrl, channel.id);
    return {
      phoneNumber: channel.settings.phoneNumber,
      twilioAccountSid: channel.settings.twilioAccountSid,
      ...callHandling(channel),
      webhooks: { voice, status, recording, transcription },
    };
  },
};
