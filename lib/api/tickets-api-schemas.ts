import { z } from "zod";
import { ticketChangeInput } from "@/lib/tickets/ticket-change.validation";
import { ticketFilterFields, ticketSorts } from "@/lib/tickets/ticket-filter";
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
export type UpdateTicketBody = z.infer<typeof updateTicketBody>;
