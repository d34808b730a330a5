import { z } from "zod";
import { ticketChangeInput } from "@/lib/tickets/ticket-change.validation";
import { maxBulkTickets } from "@/lib/tickets/bulk-update-tickets";
import { searchText, ticketFilterFields, ticketSorts } from "@/lib/tickets/ticket-filter";
import { decodeTicketCursor } from "./ticket-cursor";

// Request shapes of /api/v1/tickets that are not shared with the UI. Creating a ticket and
// adding a message reuse lib/tickets/ticket.validation.ts, changing one the shared
// ticket-change.validation.ts.

export const ticketParams = z.object({ id: z.uuid({ error: "Ticket not found" }) });

const filters = ticketFilterFields.shape;

export const listTicketsApiQuery = z.strictObject({
  status: filters.status,
  priority: filters.priority,
  channel: filters.channel,
  team: filters.teamId,
  // "me" means nothing to an API key: a user id or "none".
  assignee: z.union([z.literal("none"), z.uuid()], { error: 'Must be a user id or "none"' }).optional(),
  tag: filters.tag,
  customer: filters.customerId,
  q: searchText.optional(),
  sort: z.enum(ticketSorts).default("last_activity"),
  cursor: z
    .string()
    .transform((token, ctx) => {
      const cursor = decodeTicketCursor(token);
      if (!cursor) {
        ctx.addIssue({ code: "custom", message: "Not a cursor returned by this API" });
        return z.NEVER;
      }
      return cursor;
    })
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const updateTicketBody = ticketChangeInput;

/** The filters of GET /api/v1/tickets, as "select all matching" of a bulk change. */
const bulkFilter = z.strictObject({
  status: filters.status,
  priority: filters.priority,
  channel: filters.channel,
  team: filters.teamId,
  assignee: z.union([z.literal("none"), z.uuid()], { error: 'Must be a user id or "none"' }).optional(),
  tag: filters.tag,
  customer: filters.customerId,
  q: searchText.optional(),
});

export const bulkUpdateBody = z
  .strictObject({
    ticketIds: z.array(z.uuid({ error: "Must be a ticket id" })).min(1).max(maxBulkTickets).optional(),
    filter: bulkFilter.optional(),
    change: ticketChangeInput,
  })
  .refine((body) => (body.ticketIds === undefined) !== (body.filter === undefined), {
    message: "Send ticketIds or filter (one of them)",
  });
export type UpdateTicketBody = z.infer<typeof updateTicketBody>;
