import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { ChannelConfig } from "../channel-config";
import type { chatChannelInput } from "./chat-channel.validation";

type ChatChannelInput = z.output<typeof chatChannelInput>;
export type ChatChannelSettings = ChatChannelInput & { widgetKey: string };
export type ChatChannelSecrets = { identitySecret: string };

export const newIdentitySecret = () => `whs_${randomBytes(32).toString("base64url")}`;

export const chatChannelConfig: ChannelConfig<ChatChannelInput, ChatChannelSettings, ChatChannelSecrets> = {
  build: (input) => ({
    settings: { ...input, widgetKey: `wk_${randomBytes(16).toString("base64url")}` },
    secrets: { identitySecret: newIdentitySecret() },
  }),
  present: (channel, secrets, { reveal, appUrl }) => ({
    widgetKey: channel.settings.widgetKey,
    allowedOrigins: channel.settings.allowedOrigins,
    brandColor: channel.settings.brandColor ?? null,
    greeting: channel.settings.greeting ?? null,
    businessHours: channel.settings.businessHours ?? null,
    requireIdentity: channel.settings.requireIdentity ?? false,
    preChatForm: channel.settings.preChatForm ?? false,
    snippet: `<script src="${appUrl}/widget.js" data-key="${channel.settings.widgetKey}" async></script>`,
    ...(reveal && secrets ? { identitySecret: secrets.identitySecret } : {}),
  }),
};
