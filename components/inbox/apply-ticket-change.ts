import type { TicketSummary } from "@/lib/tickets/ticket-views";
import { compareTickets, type InboxFilter } from "./inbox-filter";

/**
 * The list after a live change to one ticket: updated in place and re-sorted when it
 * still belongs in the view, removed when it no longer does. A ticket that would sort
 * below the last loaded row is left for "Load more", so pages neither skip nor repeat.
 */
export function applyTicketChange(
  list: TicketSummary[],
  ticket: TicketSummary,
  options: { belongs: boolean; hasMore: boolean; sort?: InboxFilter["sort"] },
): TicketSummary[] {
  const existing = list.find((item) => item.id === ticket.id);
  if (existing && existing.updatedAt > ticket.updatedAt) return list;
  const others = list.filter((item) => item.id !== ticket.id);
  if (!options.belongs) return others;
  const last = others.at(-1);
  const compare = (a: TicketSummary, b: TicketSummary) => compareTickets(a, b, options.sort);
  if (options.hasMore && last && compare(ticket, last) > 0) return others;
  // A search result keeps where the search put it; it carries what matched.
  return [...others, { ...ticket, match: existing?.match ?? ticket.match }].sort(compare);
}
