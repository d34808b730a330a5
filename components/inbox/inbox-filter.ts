import { z } from "zod";
import { ticketStatuses } from "@/lib/tickets/ticket-constants";
import type { TicketSummary } from "@/lib/tickets/ticket-views";

// The inbox's filters live in the URL (?status=…&assignee=…) so a view can be linked and reloaded.

export const inboxFilter = z.object({
  status: z.enum([...ticketStatuses, "all"]).catch("open"),
  assignee: z.enum(["all", "me", "none"]).catch("all"),
  // Only the tickets whose caller waits for a call back (a missed call or a voicemail).
  task: z.enum(["call-back"]).optional().catch(undefined),
  // Only the tickets with a note that mentions whoever looks (their Mentions view).
  mentioned: z.enum(["me"]).optional().catch(undefined),
});
export type InboxFilter = z.infer<typeof inboxFilter>;

export const inboxPageSize = 50;

export const defaultInboxFilter: InboxFilter = { status: "open", assignee: "all" };

export function parseInboxFilter(params: Record<string, string | string[] | undefined>): InboxFilter {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return inboxFilter.parse({ status: first(params.status), assignee: first(params.assignee), task: first(params.task), mentioned: first(params.mentioned) });
}

export function inboxHref(filter: InboxFilter): string {
  const params = new URLSearchParams();
  if (filter.status !== defaultInboxFilter.status) params.set("status", filter.status);
  if (filter.assignee !== defaultInboxFilter.assignee) params.set("assignee", filter.assignee);
  if (filter.task) params.set("task", filter.task);
  if (filter.mentioned) params.set("mentioned", filter.mentioned);
  const query = params.toString();
  return query ? `/inbox?${query}` : "/inbox";
}

/** The query-layer filter for a view: "me" becomes the viewer's id. */
export function ticketQueryFilter(filter: InboxFilter, userId: string) {
  return {
    status: filter.status === "all" ? undefined : filter.status,
    assigneeId: filter.assignee === "me" ? userId : filter.assignee === "none" ? "none" : undefined,
    callBack: filter.task === "call-back",
    mentionedUserId: filter.mentioned === "me" ? userId : undefined,
  };
}

/**
 * Whether a ticket belongs in the view, for live updates that arrive without a query. A
 * summary does not say whom a ticket's notes mention: the Mentions view keeps the tickets
 * it `listed` and learns of new ones from the person's notifications.
 */
export function matchesInboxFilter(ticket: TicketSummary, filter: InboxFilter, userId: string, listed = false): boolean {
  if (filter.mentioned && !listed) return false;
  if (filter.status !== "all" && ticket.status !== filter.status) return false;
  if (filter.task === "call-back" && !ticket.callBackRequestedAt) return false;
  if (filter.assignee === "me") return ticket.assignee?.id === userId;
  if (filter.assignee === "none") return ticket.assignee === null;
  return true;
}

/** Newest activity first; the id breaks ties, as the database query does. */
export function compareTickets(a: TicketSummary, b: TicketSummary): number {
  if (a.lastMessageAt !== b.lastMessageAt) return a.lastMessageAt < b.lastMessageAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
