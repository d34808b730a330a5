import Link from "next/link";
import { ChannelIcon } from "@/components/ui/channel-icon";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { TicketSummary } from "@/lib/tickets/ticket-views";

/** The customer's open tickets, then their past (resolved) ones. */
export function CustomerTickets({ tickets }: { tickets: TicketSummary[] }) {
  const open = tickets.filter((ticket) => ticket.status !== "resolved");
  const past = tickets.filter((ticket) => ticket.status === "resolved");
  return (
    <section aria-labelledby="tickets-heading" className="rounded-md bg-white p-4 ring-1 ring-zinc-200">
      <h2 id="tickets-heading" className="text-sm font-semibold">
        Tickets
      </h2>
      <TicketGroup label="Open tickets" tickets={open} empty="No open tickets." />
      <TicketGroup label="Past tickets" tickets={past} empty="No past tickets." />
    </section>
  );
}

function TicketGroup({ label, tickets, empty }: { label: string; tickets: TicketSummary[]; empty: string }) {
  return (
    <>
      <h3 className="mt-3 text-xs font-medium text-zinc-500">{label}</h3>
      {tickets.length === 0 ? (
        <p className="mt-1 text-sm text-zinc-500">{empty}</p>
      ) : (
        <ul aria-label={label} className="mt-1 flex flex-col divide-y divide-zinc-100">
          {tickets.map((ticket) => (
            <li key={ticket.id} className="py-1.5">
              <Link href={`/tickets/${ticket.id}`} className="group flex min-w-0 items-start gap-2 text-sm">
                <ChannelIcon channel={ticket.channel} className="mt-0.5 size-4 shrink-0 text-zinc-500" />
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium text-zinc-900 group-hover:text-indigo-600">
                    <span className="font-mono font-normal text-zinc-500">#{ticket.number}</span> {ticket.subject}
                  </span>
                  <span className="flex items-center gap-2 text-xs text-zinc-500">
                    <StatusBadge status={ticket.status} />
                    <RelativeTime iso={ticket.lastMessageAt} />
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
