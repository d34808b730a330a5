import type { Metadata } from "next";
import { InboxFilters } from "@/components/inbox/inbox-filters";
import { inboxPageSize, parseInboxFilter, ticketQueryFilter } from "@/components/inbox/inbox-filter";
import { TicketList } from "@/components/inbox/ticket-list";
import { db } from "@/lib/db/client";
import { listTicketSummaries } from "@/lib/tickets/ticket-queries";
import { currentUser } from "../current-user";

export const metadata: Metadata = { title: "Inbox · Touchbase" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InboxPage({ searchParams }: Props) {
  const user = await currentUser();
  const filter = parseInboxFilter(await searchParams);
  const { tickets, nextCursor } = await listTicketSummaries(db(), {
    ...ticketQueryFilter(filter, user.id),
    limit: inboxPageSize,
  });

  return (
    <div className="flex min-h-full flex-col">
      <header className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 bg-zinc-50/95 px-4 py-3 backdrop-blur">
        <h1 className="text-base font-semibold">{filter.mentioned ? "Mentions" : "Inbox"}</h1>
        <InboxFilters filter={filter} />
      </header>
      <TicketList
        key={`${filter.status}:${filter.assignee}:${filter.task ?? ""}:${filter.mentioned ?? ""}`}
        initialTickets={tickets}
        initialCursor={nextCursor}
        filter={filter}
        userId={user.id}
      />
    </div>
  );
}
