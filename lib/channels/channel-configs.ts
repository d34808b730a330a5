import type { ChannelKind } from "@/lib/db/schema";
import type { ChannelConfig } from "./channel-config";
import { chatChannelConfig } from "./chat/chat-channel-config";
import { emailChannelConfig } from "./email/email-channel-config";
import { phoneChannelConfig } from "./phone/phone-channel-config";

// Each kind's config is typed by its own settings; the registry sees them through the
// common interface.
export const channelConfigs = {
  email: emailChannelConfig,
  chat: chatChannelConfig,
  phone: phoneChannelConfig,
} as unknown as Record<ChannelKind, ChannelConfig>;
