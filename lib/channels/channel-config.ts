import type { Channel, ChannelKind } from "@/lib/db/schema";

export type PresentOptions = {
  /** Include secrets that may be shown once (on creation, or an admin's explicit reveal). */
  reveal: boolean;
  /** The public base URL, for webhook URLs and embed snippets. */
  appUrl: string;
};

/** The public shape every channel shares; each kind adds its own fields. */
export type ChannelView = {
  id: string;
  kind: ChannelKind;
  name: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
} & Record<string, unknown>;

/**
 * What a kind of channel needs to be created and shown. Each kind owns one of these in
 * lib/channels/<kind>/<kind>-channel-config.ts, beside the zod schema of its input
 * (<kind>-channel.validation.ts, which lib/channels/channel.validation.ts joins).
 */
export interface ChannelConfig<Input = unknown, Settings = Record<string, unknown>, Secrets = unknown> {
  /** Splits validated input into public settings and secrets to seal (null for none). */
  build(input: Input): { settings: Settings; secrets: Secrets | null };
  /** Unique indexes on the kind's settings, and the field a clash is reported on. */
  conflicts?: { constraint: string; path: string; message: string }[];
  /** The kind's own public fields, added to the common ones. */
  present(channel: Channel & { settings: Settings }, secrets: Secrets | null, options: PresentOptions): Record<string, unknown>;
}
