import type { ChatChannel } from "./chat-channel";
import type { PanelConfig } from "./widget-protocol";

export const defaultBrandColor = "#2563eb";
export const defaultGreeting = "Hi! Ask us anything. We're happy to help.";

// Files a visitor may send: images and the documents people usually attach. No HTML or
// SVG, which a browser would run if one were opened from our origin.
export const uploadTypes = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain"];
export const uploadMaxBytes = 10 * 1024 * 1024;

/** What the panel page needs to draw itself; all of it is public. */
export function panelConfig(channel: ChatChannel): PanelConfig {
  return {
    key: channel.settings.widgetKey,
    name: channel.name,
    color: channel.settings.brandColor ?? defaultBrandColor,
    greeting: channel.settings.greeting ?? defaultGreeting,
    allowedOrigins: channel.settings.allowedOrigins,
    preChatForm: channel.settings.preChatForm ?? false,
    requireIdentity: channel.settings.requireIdentity ?? false,
    uploads: { maxBytes: uploadMaxBytes, types: uploadTypes },
  };
}
