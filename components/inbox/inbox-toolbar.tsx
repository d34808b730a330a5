"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { priorityLabels } from "@/components/ticket/ticket-controls";
import { ticketPriorities } from "@/lib/tickets/ticket-constants";
import { inboxHref, type InboxFilter } from "./inbox-filter";
import { InboxSearch } from "./inbox-search";
import { SaveViewButton } from "./save-view-button";

const statusTabs: { value: InboxFilter["status"]; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "pending", label: "Pending" },
  { value: "snoozed", label: "Snoozed" },
  { value: "resolved", label: "Resolved" },
  { value: "closed", label: "Closed" },
  { value: "all", label: "All" },
];

const selectStyle =
  "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-xs text-zinc-800 shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 md:py-1";

type Props = {
  filter: InboxFilter;
  teams: { id: string; name: string }[];
  teammates: { id: string; name: string }[];
  myTeams: { id: string; name: string }[];
};

/** Search, status tabs, the other filters and the order: every change is a new URL, so a view can be linked. */
export function InboxToolbar({ filter, teams, teammates, myTeams }: Props) {
  const router = useRouter();
  const id = useId();
  // Changing a filter leaves any saved view: the list no longer is that view.
  const go = (change: Partial<InboxFilter>) => router.push(inboxHref({ ...filter, ...change, view: undefined }));

  return (
    <div className="flex flex-col gap-2">
      <InboxSearch filter={filter} />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <nav aria-label="Status" className="flex flex-wrap rounded-md bg-zinc-100 p-0.5">
          {statusTabs.map((tab) => (
            <Link
              key={tab.value}
              href={inboxHref({ ...filter, status: tab.value, view: undefined })}
              aria-current={filter.status === tab.value ? "page" : undefined}
              className={`rounded px-2.5 py-1.5 text-xs font-medium md:py-1 ${
                filter.status === tab.value ? "bg-white text-zinc-900 shadow-xs ring-1 ring-zinc-900/5" : "text-zinc-700 hover:text-zinc-900"
              }`}
            >
              {tab.label}
            </Link>
          ))}
        </nav>
        <label className="sr-only" htmlFor={`${id}-priority`}>
          Priority
        </label>
        <select id={`${id}-priority`} value={filter.priority ?? ""} onChange={(e) => go({ priority: (e.target.value || undefined) as InboxFilter["priority"] })} className={selectStyle}>
          <option value="">Any priority</option>
          {ticketPriorities.map((priority) => (
            <option key={priority} value={priority}>
              {priorityLabels[priority]}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor={`${id}-team`}>
          Team
        </label>
        <select id={`${id}-team`} value={filter.team ?? ""} onChange={(e) => go({ team: e.target.value || undefined })} className={selectStyle}>
          <option value="">Any team</option>
          <option value="none">No team</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor={`${id}-assignee`}>
          Assignee
        </label>
        <select id={`${id}-assignee`} value={filter.assignee} onChange={(e) => go({ assignee: e.target.value })} className={selectStyle}>
          <option value="all">Anyone</option>
          <option value="me">Me</option>
          <option value="none">Unassigned</option>
          {teammates.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor={`${id}-sort`}>
          Order
        </label>
        <select
          id={`${id}-sort`}
          value={filter.sort}
          onChange={(e) => router.push(inboxHref({ ...filter, sort: e.target.value as InboxFilter["sort"] }))}
          className={selectStyle}
        >
          <option value="last_activity">Newest activity first</option>
          <option value="oldest_activity">Waiting longest first</option>
        </select>
        {(filter.tag || filter.channel || filter.customer) && (
          <span className="text-xs text-zinc-700">
            {[filter.channel && `channel ${filter.channel}`, filter.tag && `#${filter.tag}`, filter.customer && "one customer"]
              .filter(Boolean)
              .join(" · ")}{" "}
            <Link href={inboxHref({ ...filter, tag: undefined, channel: undefined, customer: undefined, view: undefined })} className="text-indigo-700 underline">
              Clear
            </Link>
          </span>
        )}
        <SaveViewButton filter={filter} myTeams={myTeams} />
      </div>
    </div>
  );
}
