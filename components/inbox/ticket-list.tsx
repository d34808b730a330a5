"use client";

import type { TicketCursor } from "@/lib/tickets/ticket-queries";
import type { TicketSummary } from "@/lib/tickets/ticket-views";
import { FormError } from "@/components/ui/form-error";
import type { InboxFilter } from "./inbox-filter";
import { NewTicketAnnouncer } from "./new-ticket-announcer";
import { TicketRow } from "./ticket-row";
import { useListKeyboard } from "./use-list-keyboard";
import { useLiveTickets } from "./use-live-tickets";

type Props = {
  initialTickets: TicketSummary[];
  initialCursor: TicketCursor | null;
  filter: InboxFilter;
  userId: string;
};

export function TicketList(props: Props) {
  const { tickets, highlighted, hasMore, loading, error, loadMore } = useLiveTickets(props);
  const { selectedId, setSelectedId, listRef } = useListKeyboard(tickets.map((ticket) => ticket.id));

  return (
    <div>
      <NewTicketAnnouncer tickets={tickets} filter={props.filter} userId={props.userId} />
      {tickets.length === 0 ? (
        <p className="px-4 py-16 text-center text-sm text-zinc-600">No tickets here. New ones appear as they arrive.</p>
      ) : (
        <ul ref={listRef} aria-label="Tickets" className="divide-y divide-zinc-100 border-y border-zinc-200 bg-white">
          {tickets.map((ticket) => (
            <TicketRow
              key={ticket.id}
              ticket={ticket}
              selected={ticket.id === selectedId}
              highlighted={highlighted.has(ticket.id)}
              onFocus={() => setSelectedId(ticket.id)}
            />
          ))}
        </ul>
      )}
      <div className="flex flex-col items-center gap-2 px-4 py-4">
        <FormError message={error} />
        {hasMore && (
          <button
            type="button"
            onClick={() => void loadMore()}
            disabled={loading}
            className="rounded-md px-3 py-1.5 text-sm text-zinc-700 ring-1 ring-zinc-300 hover:bg-white disabled:opacity-60"
          >
            {loading ? "Loading…" : "Load more"}
          </button>
        )}
      </div>
    </div>
  );
}
