import { z } from "zod";
import type { SavedViewFilters } from "@/lib/saved-views/saved-view.validation";
import { channelKinds, ticketPriorities, ticketStatuses } from "@/lib/tickets/ticket-constants";
import { searchText, tagName, ticketSorts } from "@/lib/tickets/ticket-filter";
import type { TicketListFilter } from "@/lib/tickets/ticket-queries";
import type { TicketSummary } from "@/lib/tickets/ticket-views";

// The inbox's filters live in the URL (?status=…&team=…&q=…) so a view can be linked and
// reloaded. A value that makes no sense falls back to its default rather than failing.

export const inboxFilter = z.object({
  status: z.enum([...ticketStatuses, "all"]).catch("open"),
  assignee: z.union([z.enum(["all", "me", "none"]), z.uuid()]).catch("all"),
  team: z.union([z.literal("none"), z.uuid()]).optional().catch(undefined),
  channel: z.enum(channelKinds).optional().catch(undefined),
  tag: tagName.optional().catch(undefined),
  priority: z.enum(ticketPriorities).optional().catch(undefined),
  customer: z.uuid().optional().catch(undefined),
  // Only the tickets whose caller waits for a call back (a missed call or a voicemail).
  task: z.enum(["call-back"]).optional().catch(undefined),
  // Only the tickets with a note that mentions whoever looks (their Mentions view).
  mentioned: z.enum(["me"]).optional().catch(undefined),
  sort: z.enum(ticketSorts).catch("last_activity"),
  q: searchText.optional().catch(undefined),
  /** The saved view these filters came from, to mark it in the sidebar. */
  view: z.uuid().optional().catch(undefined),
});
export type InboxFilter = z.infer<typeof inboxFilter>;

export const inboxPageSize = 50;

export const defaultInboxFilter: InboxFilter = { status: "open", assignee: "all", sort: "last_activity" };

const params = ["status", "assignee", "team", "channel", "tag", "priority", "customer", "task", "mentioned", "sort", "q", "view"] as const;

export function parseInboxFilter(search: Record<string, string | string[] | undefined>): InboxFilter {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return inboxFilter.parse(Object.fromEntries(params.map((name) => [name, first(search[name])])));
}

export function inboxHref(filter: Partial<InboxFilter>): string {
  const search = new URLSearchParams();
  const full = { ...defaultInboxFilter, ...filter };
  for (const name of params) {
    const value = full[name];
    if (value !== undefined && value !== defaultInboxFilter[name as keyof InboxFilter]) search.set(name, value);
  }
  const query = search.toString();
  return query ? `/inbox?${query}` : "/inbox";
}

/** The filters that pick tickets, without the sort, search text or saved view: what a sidebar view is. */
export function viewKey(filter: Partial<InboxFilter>): string {
  const { sort: _sort, q: _q, view: _view, ...picks } = { ...defaultInboxFilter, ...filter };
  return inboxHref(picks);
}

/** The query-layer filter for a view: "me" becomes the viewer's id. */
export function ticketQueryFilter(filter: InboxFilter, userId: string): Omit<TicketListFilter, "limit"> {
  return {
    status: filter.status === "all" ? undefined : filter.status,
    assigneeId: filter.assignee === "me" ? userId : filter.assignee === "all" ? undefined : filter.assignee,
    teamId: filter.team,
    channel: filter.channel,
    tag: filter.tag,
    priority: filter.priority,
    customerId: filter.customer,
    callBack: filter.task === "call-back",
    mentionedUserId: filter.mentioned === "me" ? userId : undefined,
    sort: filter.sort,
    q: filter.q,
  };
}

/** A saved view's filters as the inbox's. */
export function filterOfSavedView(id: string, saved: SavedViewFilters): InboxFilter {
  return {
    ...defaultInboxFilter,
    status: saved.status ?? "all",
    assignee: saved.assigneeId ?? "all",
    team: saved.teamId,
    channel: saved.channel,
    tag: saved.tag,
    priority: saved.priority,
    customer: saved.customerId,
    sort: saved.sort ?? "last_activity",
    view: id,
  };
}

/** The inbox's current filters, to save as a view ("me" stays "me": whoever opens it). */
export function savedViewFiltersOf(filter: InboxFilter): SavedViewFilters {
  return {
    ...(filter.status !== "all" ? { status: filter.status } : {}),
    ...(filter.assignee !== "all" ? { assigneeId: filter.assignee } : {}),
    ...(filter.team ? { teamId: filter.team } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.tag ? { tag: filter.tag } : {}),
    ...(filter.priority ? { priority: filter.priority } : {}),
    ...(filter.customer ? { customerId: filter.customer } : {}),
    ...(filter.sort !== "last_activity" ? { sort: filter.sort } : {}),
  };
}

/**
 * Whether a ticket belongs in the view, for live updates that arrive without a query. A
 * search's matches cannot be told here: only rows already listed are updated then. Nor
 * does a summary say whom a ticket's notes mention: the Mentions view keeps the tickets
 * it `listed` and learns of new ones from the person's notifications.
 */
export function matchesInboxFilter(ticket: TicketSummary, filter: InboxFilter, userId: string, listed = false): boolean {
  if (filter.mentioned && !listed) return false;
  if (filter.status !== "all" && ticket.status !== filter.status) return false;
  if (filter.task === "call-back" && !ticket.callBackRequestedAt) return false;
  if (filter.team === "none" ? ticket.team !== null : filter.team && ticket.team?.id !== filter.team) return false;
  if (filter.channel && ticket.channel !== filter.channel) return false;
  if (filter.tag && !ticket.tags.includes(filter.tag)) return false;
  if (filter.priority && ticket.priority !== filter.priority) return false;
  if (filter.customer && ticket.customer.id !== filter.customer) return false;
  if (filter.assignee === "me") return ticket.assignee?.id === userId;
  if (filter.assignee === "none") return ticket.assignee === null;
  if (filter.assignee !== "all") return ticket.assignee?.id === filter.assignee;
  return true;
}

/** The list's order (newest activity first, or oldest first); the id breaks ties, as the query does. */
export function compareTickets(a: TicketSummary, b: TicketSummary, sort: InboxFilter["sort"] = "last_activity"): number {
  const newestFirst = a.lastMessageAt !== b.lastMessageAt ? (a.lastMessageAt < b.lastMessageAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  return sort === "oldest_activity" ? -newestFirst : newestFirst;
}
