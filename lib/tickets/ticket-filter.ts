import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";
import { channelKinds, ticketPriorities, ticketStatuses } from "./ticket-constants";

// Client-safe: the fields a list of tickets can be narrowed by, shared by the inbox URL,
// saved views and GET /api/v1/tickets. Values are only ever bound as SQL parameters.

/** A tag as stored: trimmed, lower-case, one line, 1–40 characters. */
export const tagName = singleLineText()
  .trim()
  .toLowerCase()
  .min(1, "A tag needs at least one character")
  .max(40, "A tag has at most 40 characters");

export const maxTagsPerTicket = 20;

const idOrNone = (what: string) =>
  z.union([z.literal("none"), z.uuid()], { error: `Must be a ${what} id or "none"` });

export const ticketFilterFields = z.object({
  status: z.enum(ticketStatuses).optional(),
  priority: z.enum(ticketPriorities).optional(),
  channel: z.enum(channelKinds).optional(),
  teamId: idOrNone("team").optional(),
  /** A user id, "none" for unassigned, or "me": whoever looks at the view. */
  assigneeId: z.union([z.literal("none"), z.literal("me"), z.uuid()], { error: 'Must be a user id, "me" or "none"' }).optional(),
  tag: tagName.optional(),
  customerId: z.uuid({ error: "Must be a customer id" }).optional(),
});
export type TicketFilterFields = z.infer<typeof ticketFilterFields>;

export const ticketSorts = ["last_activity", "oldest_activity"] as const;
export type TicketSort = (typeof ticketSorts)[number];

/** Search text: 1–200 characters, parsed by PostgreSQL's websearch_to_tsquery (never as SQL). */
export const searchText = singleLineText()
  .trim()
  .min(1, "Type something to search for")
  .max(200, "Search for at most 200 characters");
