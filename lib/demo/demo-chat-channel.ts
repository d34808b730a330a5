import { eq } from "drizzle-orm";
import { findChatChannelByKey } from "@/lib/channels/chat/chat-channel";
import { db } from "@/lib/db/client";
import { channels } from "@/lib/db/schema";
import { chatChannelConfig } from "@/lib/channels/chat/chat-channel-config";
import { sealSecrets } from "@/lib/channels/secret-box";

// A fixed key, so the demo shop's snippet stays valid across restarts of the demo.
export const demoWidgetKey = "wk_demo_shop";

/**
 * The demo workspace's chat channel, for the demo shop page at `shopOrigin`: created on
 * the first start, and its allowed origins follow the shop's port on later starts.
 */
export async function ensureDemoChatChannel(shopOrigins: string[]): Promise<void> {
  const { settings, secrets } = chatChannelConfig.build({
    allowedOrigins: shopOrigins,
    brandColor: "#0f766e",
    greeting: "Hi! This is the Touchbase demo shop. Write to us and answer yourself from the inbox.",
    requireIdentity: false,
    preChatForm: false,
  });
  const existing = await findChatChannelByKey(db(), demoWidgetKey);
  if (existing) {
    await db()
      .update(channels)
      .set({ settings: { ...existing.settings, allowedOrigins: shopOrigins } })
      .where(eq(channels.id, existing.id));
    return;
  }
  await db()
    .insert(channels)
    .values({ kind: "chat", name: "Demo shop", settings: { ...settings, widgetKey: demoWidgetKey }, sealedSecrets: sealSecrets(secrets) })
    // Another process starting on the same data made it a moment ago.
    .onConflictDoNothing();
}
