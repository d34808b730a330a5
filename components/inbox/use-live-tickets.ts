"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { loadTickets } from "@/app/(app)/inbox/actions";
import { useAgentEvent, useOnConnect } from "@/components/realtime/use-agent-event";
import type { TicketCursor } from "@/lib/tickets/ticket-queries";
import type { TicketSummary } from "@/lib/tickets/ticket-views";
import { applyTicketChange } from "./apply-ticket-change";
import { matchesInboxFilter, type InboxFilter } from "./inbox-filter";

const highlightMs = 2000;

type Options = {
  initialTickets: TicketSummary[];
  initialCursor: TicketCursor | null;
  filter: InboxFilter;
  userId: string;
};

/** The inbox rows: the server's first page, kept current by `ticket:changed`, plus "Load more". */
export function useLiveTickets({ initialTickets, initialCursor, filter, userId }: Options) {
  const [tickets, setTickets] = useState(initialTickets);
  const [cursor, setCursor] = useState(initialCursor);
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(new Set());
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const connectedBefore = useRef(false);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);

  const flash = useCallback((id: string) => {
    setHighlighted((current) => new Set(current).add(id));
    clearTimeout(timers.current.get(id));
    timers.current.set(
      id,
      setTimeout(() => {
        timers.current.delete(id);
        setHighlighted((current) => {
          const next = new Set(current);
          next.delete(id);
          return next;
        });
      }, highlightMs),
    );
  }, []);

  useAgentEvent("ticket:changed", (ticket) => {
    // A search's matches are the database's to say: new tickets wait for a reload there.
    const listed = tickets.some((item) => item.id === ticket.id);
    if (filter.q && !listed) return;
    const belongs = matchesInboxFilter(ticket, filter, userId, listed);
    setTickets((current) => applyTicketChange(current, ticket, { belongs, hasMore: cursor !== null, sort: filter.sort }));
    if (belongs) flash(ticket.id);
  });

  // Thousands changed at once (a bulk action): the first page again.
  useAgentEvent("tickets:changed", () => reload());

  // Changes made while disconnected were never pushed: reload the first page on reconnect.
  useOnConnect(() => {
    if (!connectedBefore.current) {
      connectedBefore.current = true;
      return;
    }
    reload();
  });

  function reload() {
    loadTickets({ filter, cursor: null })
      .then((result) => {
        if (!result.ok) return setError(result.error);
        setTickets(result.data.tickets);
        setCursor(result.data.nextCursor);
      })
      .catch(() => setError("Could not reload the inbox. Check your connection."));
  }

  // The Mentions view hears of a newly mentioning note from the person's own notification.
  useAgentEvent("notification:created", ({ notification }) => {
    if (filter.mentioned && notification.kind === "mention") reload();
  });

  async function loadMore() {
    if (!cursor || loading) return;
    setLoading(true);
    setError(null);
    try {
      const result = await loadTickets({ filter, cursor });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setTickets((current) => {
        const known = new Set(current.map((ticket) => ticket.id));
        return [...current, ...result.data.tickets.filter((ticket) => !known.has(ticket.id))];
      });
      setCursor(result.data.nextCursor);
    } catch {
      setError("Could not load more tickets. Check your connection and try again.");
    } finally {
      setLoading(false);
    }
  }

  return { tickets, highlighted, hasMore: cursor !== null, loading, error, loadMore, reload };
}
