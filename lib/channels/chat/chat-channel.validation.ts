import { z } from "zod";
import { businessHoursSchema } from "./business-hours";

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
  // Outside these hours the widget says when to expect an answer and asks for an email.
  businessHours: businessHoursSchema.optional(),
  // Refuse anonymous visitors: only people the website signed in (and signs for) may chat.
  requireIdentity: z.boolean().default(false),
  // Ask a new visitor for their name and email before the first message.
  preChatForm: z.boolean().default(false),
});
