import Link from "next/link";
import { ChannelIcon } from "@/components/ui/channel-icon";
import { customerLabel } from "@/components/ui/customer-label";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge, statusLabels } from "@/components/ui/status-badge";
import type { TicketSummary } from "@/lib/tickets/ticket-views";

type Props = { ticket: TicketSummary; selected: boolean; highlighted: boolean; onFocus: () => void };

export function TicketRow({ ticket, selected, highlighted, onFocus }: Props) {
  const customer = customerLabel(ticket.customer);
  const assignee = ticket.assignee?.name ?? "Unassigned";
  return (
    <li className={highlighted ? "animate-flash" : undefined}>
      <Link
        href={`/tickets/${ticket.id}`}
        data-ticket-link
        aria-label={`${ticket.subject} — #${ticket.number}, ${customer}, ${statusLabels[ticket.status]}, ${assignee}`}
        onFocus={onFocus}
        className={`grid grid-cols-[1rem_3.5rem_minmax(0,11rem)_minmax(0,1fr)_4.75rem_minmax(0,8rem)_4.5rem] items-center gap-3 border-l-2 px-4 py-2 text-sm outline-none hover:bg-zinc-50 ${
          selected ? "border-indigo-500 bg-indigo-50/60 hover:bg-indigo-50/60" : "border-transparent"
        }`}
      >
        <ChannelIcon channel={ticket.channel} />
        <span className="font-mono text-xs text-zinc-400">#{ticket.number}</span>
        <span className="truncate font-medium text-zinc-900">{customer}</span>
        <span className="truncate">
          <span className="text-zinc-900">{ticket.subject}</span>
          {ticket.lastMessagePreview && <span className="text-zinc-500"> — {ticket.lastMessagePreview}</span>}
        </span>
        <StatusBadge status={ticket.status} />
        <span className={`truncate text-xs ${ticket.assignee ? "text-zinc-700" : "text-zinc-400"}`}>{assignee}</span>
        <RelativeTime iso={ticket.lastMessageAt} className="text-right text-xs text-zinc-500 tabular-nums" />
      </Link>
    </li>
  );
}
