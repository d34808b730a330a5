import type { ChannelKind } from "@/lib/tickets/ticket-constants";
import { ChatIcon, MailIcon, PhoneIcon } from "./icons";

export const channelLabels: Record<ChannelKind, string> = { email: "Email", chat: "Chat", phone: "Phone" };

const icons = { email: MailIcon, chat: ChatIcon, phone: PhoneIcon } satisfies Record<ChannelKind, unknown>;

export function ChannelIcon({ channel, className }: { channel: ChannelKind; className?: string }) {
  const Glyph = icons[channel];
  return <Glyph label={channelLabels[channel]} className={className ?? "size-4 shrink-0 text-zinc-600"} />;
}
