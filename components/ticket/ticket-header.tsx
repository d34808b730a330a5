import Link from "next/link";
import { ChannelIcon, channelLabels } from "@/components/ui/channel-icon";
import { customerLabel } from "@/components/ui/customer-label";
import { StatusBadge } from "@/components/ui/status-badge";
import type { TicketSummary } from "@/lib/tickets/ticket-views";

export function TicketHeader({ ticket }: { ticket: TicketSummary }) {
  const { customer } = ticket;
  return (
    <header className="border-b border-zinc-200 bg-white px-6 py-3">
      <Link href="/inbox" className="text-xs text-zinc-500 hover:text-zinc-800">
        ← Inbox
      </Link>
      <div className="mt-1 flex items-center gap-3">
        <h1 className="min-w-0 truncate text-base font-semibold">
          <span className="font-mono font-normal text-zinc-400">#{ticket.number}</span> {ticket.subject}
        </h1>
        <StatusBadge status={ticket.status} />
      </div>
      <p className="mt-0.5 flex items-center gap-1.5 text-sm text-zinc-600">
        <ChannelIcon channel={ticket.channel} className="size-3.5 text-zinc-400" />
        <span className="sr-only">{channelLabels[ticket.channel]} ·</span>
        <span className="font-medium text-zinc-800">{customerLabel(customer)}</span>
        {customer.name && customer.email && <span className="text-zinc-500">&lt;{customer.email}&gt;</span>}
        <span className="text-zinc-300">·</span>
        <span>via {channelLabels[ticket.channel]}</span>
      </p>
    </header>
  );
}
