import { z } from "zod";
import { ticketPriorities, ticketStatuses } from "./ticket-constants";
import { maxTagsPerTicket, tagName } from "./ticket-filter";

// Client-safe: one change to one or many tickets, from the ticket page, bulk actions in
// the inbox and PATCH /api/v1/tickets(/:id). Everything is checked before anything changes.

const maxSnoozeDays = 365;

const tagList = z
  .array(tagName)
  .max(maxTagsPerTicket, `At most ${maxTagsPerTicket} tags`)
  .transform((tags) => [...new Set(tags)].sort());

export const ticketChangeInput = z
  .strictObject({
    status: z.enum(ticketStatuses).optional(),
    /** Required with status "snoozed": when the ticket opens again by itself. */
    snoozedUntil: z.iso.datetime({ offset: true, error: "Must be an ISO 8601 date and time" }).optional(),
    priority: z.enum(ticketPriorities).optional(),
    /** An active teammate's id, or null to unassign. */
    assigneeId: z.uuid({ error: "Must be a user id or null" }).nullable().optional(),
    /** A team's id, or null for no team. */
    teamId: z.uuid({ error: "Must be a team id or null" }).nullable().optional(),
    /** Replaces every tag. */
    tags: tagList.optional(),
    addTags: tagList.optional(),
    removeTags: tagList.optional(),
    /**
     * The ticket's `version` as the sender last saw it: when someone changed the ticket
     * since, nothing is changed and the answer is 409 ticket_changed with the ticket as it
     * is now. Left out, the change applies to whatever the ticket is.
     */
    version: z.int({ error: "Must be the ticket's version, a whole number" }).min(1).optional(),
  })
  .superRefine((change, ctx) => {
    const fields = ["status", "priority", "assigneeId", "teamId", "tags", "addTags", "removeTags"] as const;
    if (fields.every((field) => change[field] === undefined)) {
      ctx.addIssue({ code: "custom", message: `Send at least one of ${fields.join(", ")}` });
    }
    if (change.status === "snoozed" && change.snoozedUntil === undefined) {
      ctx.addIssue({ code: "custom", path: ["snoozedUntil"], message: "Say until when to snooze" });
    }
    if (change.snoozedUntil !== undefined && change.status !== "snoozed") {
      ctx.addIssue({ code: "custom", path: ["snoozedUntil"], message: 'Only with status "snoozed"' });
    }
    if (change.snoozedUntil !== undefined) {
      const until = Date.parse(change.snoozedUntil);
      if (until <= Date.now()) ctx.addIssue({ code: "custom", path: ["snoozedUntil"], message: "Must be in the future" });
      if (until > Date.now() + maxSnoozeDays * 86_400_000) {
        ctx.addIssue({ code: "custom", path: ["snoozedUntil"], message: `At most ${maxSnoozeDays} days ahead` });
      }
    }
    if (change.tags !== undefined && (change.addTags !== undefined || change.removeTags !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["tags"], message: "Send tags, or addTags and removeTags, not both" });
    }
  });
export type TicketChangeInput = z.infer<typeof ticketChangeInput>;
