import type { Metadata } from "next";
import { inboxHref, inboxPageSize, parseInboxFilter, ticketQueryFilter } from "@/components/inbox/inbox-filter";
import { InboxToolbar } from "@/components/inbox/inbox-toolbar";
import { InboxViews } from "@/components/inbox/inbox-views";
import { TicketList } from "@/components/inbox/ticket-list";
import { db } from "@/lib/db/client";
import { listTeams } from "@/lib/teams/list-teams";
import { loadInboxSidebarData } from "@/lib/tickets/inbox-sidebar";
import { listTicketSummaries } from "@/lib/tickets/ticket-queries";
import { listTeammates } from "@/lib/users/list-teammates";
import { currentUser } from "../current-user";

export const metadata: Metadata = { title: "Inbox · Touchbase" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InboxPage({ searchParams }: Props) {
  const user = await currentUser();
  const filter = parseInboxFilter(await searchParams);
  const [{ tickets, nextCursor }, sidebar, teams, teammates] = await Promise.all([
    listTicketSummaries(db(), { ...ticketQueryFilter(filter, user.id), limit: inboxPageSize }),
    loadInboxSidebarData(db(), user.id),
    listTeams(db()),
    listTeammates(db(), { activeOnly: true }),
  ]);
  const teamOptions = teams.map(({ id, name }) => ({ id, name }));
  const myTeams = teams.filter((team) => team.members.some((member) => member.id === user.id)).map(({ id, name }) => ({ id, name }));

  return (
    <div className="flex min-h-full flex-col md:flex-row">
      <div className="shrink-0 md:sticky md:top-0 md:h-dvh md:w-56 md:overflow-y-auto">
        <InboxViews sidebar={sidebar} filter={filter} userId={user.id} teams={teamOptions} />
      </div>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-10 flex flex-col gap-2 border-b border-zinc-200 bg-zinc-50/95 px-4 py-3 backdrop-blur">
          <h1 className="text-base font-semibold">{filter.q ? `Search: ${filter.q}` : filter.mentioned ? "Mentions" : "Inbox"}</h1>
          <InboxToolbar
            filter={filter}
            teams={teamOptions}
            teammates={teammates.map(({ id, name }) => ({ id, name }))}
            myTeams={myTeams}
          />
        </header>
        <TicketList
          key={inboxHref(filter)}
          initialTickets={tickets}
          initialCursor={nextCursor}
          filter={filter}
          userId={user.id}
          teammates={teammates.map(({ id, name }) => ({ id, name }))}
        />
      </div>
    </div>
  );
}
