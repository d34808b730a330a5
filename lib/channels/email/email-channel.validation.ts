import { z } from "zod";

const address = z.email("must be an email address").max(254).transform((value) => value.toLowerCase());

// Client-safe: the Settings form validates with it too.
export const emailChannelInput = z.strictObject({
  address,
  /** More addresses that deliver to the same inbox (e.g. help@ beside support@). */
  aliases: z.array(address).max(20).optional(),
  displayName: z.string().trim().min(1).max(100).optional(),
  signature: z.string().max(2000).optional(),
  /** Answer a customer's new ticket with an automatic acknowledgement (at most one a day each). */
  autoAcknowledge: z
    .union([z.boolean(), z.literal("on"), z.literal("true")])
    .transform((value) => value === true || value === "on" || value === "true")
    .optional(),
});

export type EmailChannelInput = z.output<typeof emailChannelInput>;
