import { z } from "zod";

// What a customer search accepts, from the palette's route and from the public API.

/** Long enough for any real name, address or id; longer input is a mistake, not a search. */
export const maxSearchLength = 200;

export const customerSearchQuery = z.object({
  q: z
    .string({ error: "Send the search text as `q`" })
    .trim()
    .min(1, "Send the search text as `q`")
    .max(maxSearchLength, `At most ${maxSearchLength} characters`),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type CustomerSearchQuery = z.infer<typeof customerSearchQuery>;
