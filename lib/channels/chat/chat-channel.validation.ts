import { z } from "zod";

// Client-safe: the Settings form validates with it too.
const origin = z
  .url({ protocol: /^https?$/, error: "must be an http(s) origin such as https://shop.example.com" })
  .transform((value) => new URL(value).origin);

export const chatChannelInput = z.strictObject({
  allowedOrigins: z.array(origin).min(1, "name at least one website origin").max(20),
  brandColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour such as #2563eb")
    .optional(),
  greeting: z.string().trim().min(1).max(500).optional(),
});
