import { z } from "zod";
import { ticketStatuses } from "@/lib/tickets/ticket-constants";
import { decodeTicketCursor } from "./ticket-cursor";

// Request shapes of /api/v1/tickets that are not shared with the UI. Creating a ticket and
// adding a message reuse lib/tickets/ticket.validation.ts.

export const ticketParams = z.object({ id: z.uuid({ error: "Ticket not found" }) });

export const listTicketsApiQuery = z.strictObject({
  status: z.enum(ticketStatuses).optional(),
  assignee: z.union([z.literal("none"), z.uuid()], { error: 'Must be a user id or "none"' }).optional(),
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

export const updateTicketBody = z
  .strictObject({
    status: z.enum(ticketStatuses).optional(),
    assigneeId: z.uuid().nullable().optional(),
  })
  .refine((change) => change.status !== undefined || change.assigneeId !== undefined, {
    message: "Send status, assigneeId or both",
  });
export type UpdateTicketBody = z.infer<typeof updateTicketBody>;
