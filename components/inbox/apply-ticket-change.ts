import type { TicketSummary } from "@/lib/tickets/ticket-views";
import { compareTickets } from "./inbox-filter";

/**
 * The list after a live change to one ticket: updated in place and re-sorted when it
 * still belongs in the view, removed when it no longer does. A ticket that would sort
 * below the last loaded row is left for "Load more", so pages neither skip nor repeat.
 */
export function applyTicketChange(
  list: TicketSummary[],
  ticket: TicketSummary,
  options: { belongs: boolean; hasMore: boolean },
): TicketSummary[] {
  const existing = list.find((item) => item.id === ticket.id);
  if (existing && existing.updatedAt > ticket.updatedAt) return list;
  const others = list.filter((item) => item.id !== ticket.id);
  if (!options.belongs) return others;
  const last = others.at(-1);
  if (options.hasMore && last && compareTickets(ticket, last) > 0) return others;
  return [...others, ticket].sort(compareTickets);
}
