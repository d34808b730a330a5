import { z } from "zod";
import { ticketFilterFields, ticketSorts } from "@/lib/tickets/ticket-filter";
import { singleLineText } from "@/lib/validation/text";

// Client-safe: saving the inbox's current filters as a named view.

export const savedViewFilters = ticketFilterFields.extend({ sort: z.enum(ticketSorts).optional() });
export type SavedViewFilters = z.infer<typeof savedViewFilters>;

export const createSavedViewInput = z.strictObject({
  name: singleLineText().trim().min(1, "Name the view").max(60, "At most 60 characters"),
  filters: savedViewFilters,
  /** Shared with this team (its members see it), or null: only you. */
  teamId: z.uuid({ error: "Unknown team" }).nullable(),
});
export type CreateSavedViewInput = z.infer<typeof createSavedViewInput>;

export const maxSavedViewsPerPerson = 30;
