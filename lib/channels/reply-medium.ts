import type { ChannelKind } from "@/lib/tickets/ticket-constants";

/**
 * How a written reply reaches the customer on each channel, for the composer to say so
 * truthfully. Client-safe; kept beside the adapters, which decide it (a phone ticket is
 * answered in writing by email: phone/phone-adapter.ts).
 */
export const replyMedium: Record<ChannelKind, "email" | "chat"> = {
  email: "email",
  chat: "chat",
  phone: "email",
};
