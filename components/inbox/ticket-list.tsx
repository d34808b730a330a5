"use client";

import { useEffect, useRef, useState } from "react";
import { bulkUpdateAction } from "@/app/(app)/inbox/actions";
import { isShortcutEvent } from "@/components/keyboard/is-typing-target";
import { FormError } from "@/components/ui/form-error";
import type { TicketChangeInput } from "@/lib/tickets/ticket-change.validation";
import type { TicketCursor } from "@/lib/tickets/ticket-queries";
import type { TicketSummary } from "@/lib/tickets/ticket-views";
import { BulkBar, type BulkBarHandle } from "./bulk-bar";
import type { InboxFilter } from "./inbox-filter";
import { NewTicketAnnouncer } from "./new-ticket-announcer";
import { TicketRow } from "./ticket-row";
import { useListKeyboard } from "./use-list-keyboard";
import { useLiveTickets } from "./use-live-tickets";
import { useSelection } from "./use-selection";

type Props = {
  initialTickets: TicketSummary[];
  initialCursor: TicketCursor | null;
  filter: InboxFilter;
  userId: string;
  teammates: { id: string; name: string }[];
};

export function TicketList(props: Props) {
  const { tickets, highlighted, hasMore, loading, error, loadMore, reload } = useLiveTickets(props);
  const ids = tickets.map((ticket) => ticket.id);
  const { selectedId, setSelectedId, listRef } = useListKeyboard(ids);
  const selection = useSelection(ids);
  const bar = useRef<BulkBarHandle>(null);
  const [pending, setPending] = useState(false);
  const [bulkError, setBulkError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function apply(change: TicketChangeInput, only?: string[]) {
    const chosen = only ?? selection.ids;
    if (!only && !selection.allMatching && chosen.length === 0) return;
    setPending(true);
    setBulkError(null);
    try {
      const result = await bulkUpdateAction({
        selection: !only && selection.allMatching ? { filter: props.filter } : { ticketIds: chosen },
        change,
      });
      if (!result.ok) return setBulkError(result.error);
      setDone(`Changed ${result.data.changed.toLocaleString("en")} of ${result.data.matched.toLocaleString("en")} tickets`);
      selection.clear();
      reload();
    } catch {
      setBulkError("Could not reach Touchbase. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  // x picks the current row; e resolves, s snoozes, a assigns and t tags the picked rows,
  // or the current row when none is picked.
  const latest = useRef({ selectedId, selection, apply });
  useEffect(() => {
    latest.current = { selectedId, selection, apply };
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isShortcutEvent(event) || !["x", "e", "s", "a", "t"].includes(event.key)) return;
      const { selectedId: current, selection: picked, apply: run } = latest.current;
      const nothingPicked = picked.ids.length === 0 && !picked.allMatching;
      if (event.key === "x") {
        if (current) picked.toggle(current, false);
      } else if (nothingPicked && !current) {
        return;
      } else if (event.key === "e") {
        void run({ status: "resolved" }, nothingPicked ? [current!] : undefined);
      } else {
        if (nothingPicked) picked.toggle(current!, false);
        // The bar appears with the first pick: act on it once it is there.
        setTimeout(() => {
          if (event.key === "s") bar.current?.snooze();
          if (event.key === "a") bar.current?.focusAssign();
          if (event.key === "t") bar.current?.focusTag();
        });
      }
      event.preventDefault();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const showBar = selection.ids.length > 0 || selection.allMatching;
  return (
    <div>
      <NewTicketAnnouncer tickets={tickets} filter={props.filter} userId={props.userId} />
      {showBar && (
        <BulkBar
          ref={bar}
          label={selection.allMatching ? "All tickets matching this view" : `${selection.ids.length} selected`}
          teammates={props.teammates}
          pending={pending}
          canSelectAllMatching={!selection.allMatching && hasMore && selection.ids.length === tickets.length}
          onSelectAllMatching={selection.selectAllMatching}
          onApply={(change) => void apply(change)}
          onClear={selection.clear}
        />
      )}
      <div className="flex flex-wrap items-center gap-3 px-4 py-1.5 text-xs text-zinc-700">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={tickets.length > 0 && (selection.allMatching || selection.ids.length === tickets.length)}
            onChange={(event) => (event.target.checked ? selection.selectAll() : selection.clear())}
            className="size-4"
          />
          Select all shown
        </label>
        <p role="status" className="min-h-4">
          {pending ? "Applying…" : done}
        </p>
        <FormError message={bulkError} />
      </div>
      {tickets.length === 0 ? (
        <p className="px-4 py-16 text-center text-sm text-zinc-600">
          {props.filter.q ? "No tickets match this search." : "No tickets here. New ones appear as they arrive."}
        </p>
      ) : (
        <ul ref={listRef} aria-label="Tickets" className="divide-y divide-zinc-100 border-y border-zinc-200 bg-white">
          {tickets.map((ticket) => (
            <TicketRow
              key={ticket.id}
              ticket={ticket}
              selected={ticket.id === selectedId}
              highlighted={highlighted.has(ticket.id)}
              onFocus={() => setSelectedId(ticket.id)}
              checked={selection.allMatching || selection.has(ticket.id)}
              onCheck={(shiftKey) => selection.toggle(ticket.id, shiftKey)}
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
