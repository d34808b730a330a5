"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { loadTimeline } from "@/app/(app)/customers/[id]/actions";
import { agentSocket } from "@/components/realtime/agent-socket";
import { useAgentEvent, useOnConnect } from "@/components/realtime/use-agent-event";
import { FormError } from "@/components/ui/form-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { timelineFamilies, type TimelineFamily } from "@/lib/timeline/timeline-constants";
import type { TimelineItem, TimelinePage } from "@/lib/timeline/timeline-queries";
import { propertyText } from "./property-text";
import { FamilyIcon, familyLabels } from "./timeline-family";

type Props = { customerId: string; initialPage: TimelinePage };

const newestFirst = (a: TimelineItem, b: TimelineItem) =>
  b.occurredAt.localeCompare(a.occurredAt) || b.id.localeCompare(a.id);

/**
 * Everything the customer did and every conversation with them, newest first: filtered
 * by family, continued page by page with a keyset cursor, and followed live while open.
 */
export function CustomerTimeline({ customerId, initialPage }: Props) {
  const [family, setFamily] = useState<TimelineFamily | null>(null);
  const [items, setItems] = useState(initialPage.data);
  const [nextCursor, setNextCursor] = useState(initialPage.nextCursor);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useOnConnect(() => agentSocket().emit("customer:watch", customerId));
  useEffect(() => {
    const socket = agentSocket();
    return () => {
      socket.emit("customer:unwatch", customerId);
    };
  }, [customerId]);

  useAgentEvent("timeline:created", (created) => {
    if (created.customerId !== customerId) return;
    const fresh = created.items.filter((item) => !family || item.family === family);
    if (fresh.length === 0) return;
    setItems((current) => {
      const known = new Set(current.map((item) => item.id));
      return [...fresh.filter((item) => !known.has(item.id)), ...current].sort(newestFirst);
    });
  });

  async function load(nextFamily: TimelineFamily | null, cursor: string | null) {
    setBusy(true);
    setError(null);
    try {
      const result = await loadTimeline(customerId, nextFamily, cursor);
      if (!result.ok) return setError(result.error);
      setItems((current) => (cursor ? [...current, ...result.data.data] : result.data.data));
      setNextCursor(result.data.nextCursor);
    } catch {
      setError("Could not load the timeline. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  function filter(value: string) {
    const next = value ? (value as TimelineFamily) : null;
    setFamily(next);
    void load(next, null);
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="timeline-heading" className="text-sm font-semibold">
          Timeline
        </h2>
        <label className="flex items-center gap-2 text-sm text-zinc-600">
          Show
          <select
            value={family ?? ""}
            onChange={(event) => filter(event.target.value)}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-800"
          >
            <option value="">Everything</option>
            {timelineFamilies.map((value) => (
              <option key={value} value={value}>
                {familyLabels[value]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {items.length === 0 && !busy ? (
        <p className="rounded-md bg-white px-3 py-6 text-center text-sm text-zinc-500 ring-1 ring-zinc-200">
          {family ? `Nothing of this kind yet.` : "Nothing on the timeline yet."}
        </p>
      ) : (
        <ol aria-label="Timeline entries" aria-busy={busy} className="flex flex-col rounded-md bg-white ring-1 ring-zinc-200">
          {items.map((item) => (
            <TimelineEntry key={item.id} item={item} />
          ))}
        </ol>
      )}
      <FormError message={error} />
      {nextCursor && (
        <button
          type="button"
          disabled={busy}
          onClick={() => void load(family, nextCursor)}
          className="self-center rounded-md bg-white px-3 py-1.5 text-sm font-medium text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-50 disabled:opacity-60"
        >
          {busy ? "Loading…" : "Load more"}
        </button>
      )}
    </div>
  );
}

const supportFamilies: TimelineFamily[] = ["ticket", "message", "call"];

function TimelineEntry({ item }: { item: TimelineItem }) {
  const details = supportFamilies.includes(item.family) ? [] : Object.entries(item.properties);
  const internal = item.properties.internal === true;
  return (
    <li className="flex gap-3 border-b border-zinc-100 px-3 py-2.5 last:border-b-0">
      <FamilyIcon family={item.family} />
      <div className="min-w-0 flex-1">
        {item.ticketId ? (
          <Link href={`/tickets/${item.ticketId}`} className="block break-words text-sm text-zinc-900 hover:text-indigo-600 hover:underline">
            {internal && <InternalBadge />}
            {item.title}
          </Link>
        ) : (
          <p className="break-words text-sm text-zinc-900">{item.title}</p>
        )}
        <p className="text-xs text-zinc-500">
          {familyLabels[item.family]} · {item.type} · <RelativeTime iso={item.occurredAt} />
        </p>
        {details.length > 0 && (
          <details className="mt-1 text-xs text-zinc-600">
            <summary className="cursor-pointer text-zinc-500">Details</summary>
            <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
              {details.map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="text-zinc-500">{key}</dt>
                  <dd className="break-words text-zinc-800">{propertyText(value)}</dd>
                </div>
              ))}
            </dl>
          </details>
        )}
      </div>
    </li>
  );
}

function InternalBadge() {
  return <span className="mr-1 rounded bg-amber-100 px-1 text-[11px] font-medium text-amber-800">Internal note</span>;
}
