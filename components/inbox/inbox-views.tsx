"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { loadInboxSidebar } from "@/app/(app)/inbox/actions";
import { useAgentEvent, useOnConnect } from "@/components/realtime/use-agent-event";
import { channelLabels } from "@/components/ui/channel-icon";
import { channelKinds } from "@/lib/tickets/ticket-constants";
import type { InboxSidebar } from "@/lib/tickets/inbox-sidebar";
import { filterOfSavedView, inboxHref, viewKey, type InboxFilter } from "./inbox-filter";
import { SavedViewItem } from "./saved-view-item";

// Counts follow changes live, but a busy inbox changes many times a second: one reload
// per this many milliseconds at most.
const refreshAfterMs = 1_000;

type Props = { sidebar: InboxSidebar; filter: InboxFilter; userId: string; teams: { id: string; name: string }[] };

/** The inbox's views with how many open tickets each holds, kept current as tickets change. */
export function InboxViews({ sidebar: initial, filter, userId, teams }: Props) {
  const [sidebar, setSidebar] = useState(initial);
  // A navigation brings fresh counts and views from the server (a view just saved).
  const [fromServer, setFromServer] = useState(initial);
  if (fromServer !== initial) {
    setFromServer(initial);
    setSidebar(initial);
  }
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  function refresh() {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      loadInboxSidebar()
        .then((result) => result.ok && setSidebar(result.data))
        .catch(() => {});
    }, refreshAfterMs);
  }
  useAgentEvent("ticket:changed", refresh);
  useAgentEvent("tickets:changed", refresh);
  useOnConnect(refresh);

  const current = viewKey(filter);
  const { counts } = sidebar;
  const link = (label: string, view: Partial<InboxFilter>, count: number | null) => {
    const key = viewKey(view);
    return (
      <li key={key}>
        <ViewLink href={inboxHref({ ...view, sort: filter.sort })} active={!filter.view && key === current} count={count}>
          {label}
        </ViewLink>
      </li>
    );
  };

  return (
    <div className="border-b border-zinc-200 bg-white md:h-full md:border-r md:border-b-0">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="inbox-views"
        onClick={() => setOpen((shown) => !shown)}
        className="flex w-full items-center justify-between px-4 py-2.5 text-sm font-medium text-zinc-800 md:hidden"
      >
        Views
        <span aria-hidden>{open ? "▴" : "▾"}</span>
      </button>
      <nav id="inbox-views" aria-label="Views" className={`${open ? "block" : "hidden"} px-2 pb-3 md:block md:py-3`}>
        <ViewGroup title="Inbox">
          {link("Mine", { assignee: "me" }, counts.mine)}
          {link("Unassigned", { assignee: "none" }, counts.unassigned)}
          {link("All open", {}, counts.allOpen)}
          {link("Call back", { task: "call-back" }, sidebar.callBack)}
        </ViewGroup>
        <ViewGroup title="Channels">
          {channelKinds.map((channel) => link(channelLabels[channel], { channel }, counts.byChannel[channel] ?? 0))}
        </ViewGroup>
        {teams.length > 0 && (
          <ViewGroup title="Teams">{teams.map((team) => link(team.name, { team: team.id }, counts.byTeam[team.id] ?? 0))}</ViewGroup>
        )}
        {counts.topTags.length > 0 && (
          <ViewGroup title="Tags">{counts.topTags.map(({ tag, count }) => link(`#${tag}`, { tag }, count))}</ViewGroup>
        )}
        {sidebar.savedViews.length > 0 && (
          <ViewGroup title="Saved views">
            {sidebar.savedViews.map((view) => (
              <SavedViewItem
                key={view.id}
                view={view}
                href={inboxHref(filterOfSavedView(view.id, view.filters))}
                active={filter.view === view.id}
                deletable={view.ownerId === userId}
                onDeleted={refresh}
              />
            ))}
          </ViewGroup>
        )}
      </nav>
    </div>
  );
}

function ViewGroup({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mt-3 first:mt-0">
      <h2 className="px-2 pb-1 text-[11px] font-semibold tracking-wide text-zinc-600 uppercase">{title}</h2>
      <ul className="flex flex-col gap-0.5">{children}</ul>
    </div>
  );
}

export function ViewLink({
  href,
  active,
  count,
  children,
}: {
  href: string;
  active: boolean;
  count: number | null;
  children: React.ReactNode;
}) {
  return (
    <Link
        href={href}
        aria-current={active ? "page" : undefined}
        className={`flex min-w-0 flex-1 items-center justify-between gap-2 rounded px-2 py-2 text-sm md:py-1 ${
          active ? "bg-indigo-50 font-medium text-indigo-900" : "text-zinc-700 hover:bg-zinc-100"
        }`}
      >
        <span className="truncate">{children}</span>
        {count !== null && <span className="text-xs text-zinc-600 tabular-nums">{formatCount(count)}</span>}
    </Link>
  );
}

/** Saved views are counted up to 1,000 (lib/tickets/inbox-counts.ts). */
export function formatCount(count: number): string {
  return count >= 1000 ? "999+" : count.toLocaleString("en");
}
