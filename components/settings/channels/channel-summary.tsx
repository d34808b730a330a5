import type { ChannelView } from "@/lib/channels/channel-config";

/** The one thing that identifies a channel to a person: its address, widget key or number. */
export function channelSummary(channel: ChannelView): string {
  switch (channel.kind) {
    case "email":
      return String(channel.address ?? "");
    case "chat":
      return `Widget key ${String(channel.widgetKey ?? "")}`;
    case "phone":
      return String(channel.phoneNumber ?? "");
  }
}
