import { z } from "zod";

// Client-safe: the Settings form validates with it too.
export const emailChannelInput = z.strictObject({
  address: z.email("must be an email address").max(254).transform((value) => value.toLowerCase()),
  displayName: z.string().trim().min(1).max(100).optional(),
  signature: z.string().max(2000).optional(),
});

export type EmailChannelInput = z.output<typeof emailChannelInput>;
