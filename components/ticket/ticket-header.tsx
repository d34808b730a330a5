import Link from "next/link";
import { CallBackBadge, CallStateBadge } from "@/components/phone/call-state-badge";
import { ChannelIcon, channelLabels } from "@/components/ui/channel-icon";
import { customerLabel } from "@/components/ui/customer-label";
import { StatusBadge } from "@/components/ui/status-badge";
import type { TicketSummary } from "@/lib/tickets/ticket-views";

export function TicketHeader({ ticket }: { ticket: TicketSummary }) {
  const { customer } = ticket;
  return (
    <header className="shrink-0 border-b border-zinc-200 bg-white px-4 py-3 md:px-6">
      <Link href="/inbox" className="inline-block py-1 text-xs text-zinc-600 hover:text-zinc-800">
        ← Inbox
      </Link>
      <div className="mt-1 flex items-start gap-3 md:items-center">
        <h1 className="min-w-0 text-base font-semibold break-words md:truncate">
          <span className="font-mono font-normal text-zinc-600">#{ticket.number}</span> {ticket.subject}
        </h1>
        <StatusBadge status={ticket.status} />
      </div>
      <p className="mt-0.5 flex flex-wrap items-center gap-x-1.5 text-sm text-zinc-600">
        <ChannelIcon channel={ticket.channel} className="size-3.5 text-zinc-600" />
        <span className="sr-only">{channelLabels[ticket.channel]} ·</span>
        <span className="font-medium text-zinc-800">{customerLabel(customer)}</span>
        {customer.name && customer.email && <span className="min-w-0 break-all text-zinc-600">&lt;{customer.email}&gt;</span>}
        <span aria-hidden className="text-zinc-400">·</span>
        <span>via {channelLabels[ticket.channel]}</span>
        {ticket.call && <CallStateBadge call={ticket.call} className="ml-1" />}
        {ticket.callBackRequestedAt && <CallBackBadge />}
      </p>
    </header>
  );
}
