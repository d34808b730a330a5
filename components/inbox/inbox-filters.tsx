import Link from "next/link";
import { inboxHref, type InboxFilter } from "./inbox-filter";

const statusTabs: { value: InboxFilter["status"]; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "pending", label: "Pending" },
  { value: "resolved", label: "Resolved" },
  { value: "all", label: "All" },
];

const assigneeTabs: { value: InboxFilter["assignee"]; label: string }[] = [
  { value: "all", label: "All" },
  { value: "me", label: "Mine" },
  { value: "none", label: "Unassigned" },
];

export function InboxFilters({ filter }: { filter: InboxFilter }) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <nav aria-label="Status" className="flex rounded-md bg-zinc-100 p-0.5">
        {statusTabs.map((tab) => (
          <FilterLink key={tab.value} href={inboxHref({ ...filter, status: tab.value })} active={filter.status === tab.value}>
            {tab.label}
          </FilterLink>
        ))}
      </nav>
      <nav aria-label="Assignee" className="flex rounded-md bg-zinc-100 p-0.5">
        {assigneeTabs.map((tab) => (
          <FilterLink
            key={tab.value}
            href={inboxHref({ ...filter, assignee: tab.value })}
            active={filter.assignee === tab.value}
          >
            {tab.label}
          </FilterLink>
        ))}
      </nav>
      <nav aria-label="Tasks" className="flex rounded-md bg-zinc-100 p-0.5">
        <FilterLink
          href={inboxHref({ ...filter, task: filter.task ? undefined : "call-back" })}
          active={filter.task === "call-back"}
        >
          Call back
        </FilterLink>
      </nav>
    </div>
  );
}

function FilterLink({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded px-2.5 py-1.5 text-xs font-medium md:py-1 ${
        active ? "bg-white text-zinc-900 shadow-xs ring-1 ring-zinc-900/5" : "text-zinc-700 hover:text-zinc-900"
      }`}
    >
      {children}
    </Link>
  );
}
