import Link from "next/link";
import { CallBackBadge, CallStateBadge } from "@/components/phone/call-state-badge";
import { ChannelIcon } from "@/components/ui/channel-icon";
import { customerLabel } from "@/components/ui/customer-label";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { TicketSummary } from "@/lib/tickets/ticket-views";
import { MarkedText } from "./marked-text";

type Props = {
  ticket: TicketSummary;
  /** The keyboard's current row (j/k). */
  selected: boolean;
  highlighted: boolean;
  onFocus: () => void;
  /** Picked for a bulk action (x, or the checkbox; shift extends from the last pick). */
  checked: boolean;
  onCheck: (shiftKey: boolean) => void;
};

// Phones: customer and time, then the subject, then number, status and assignee, one line
// each. From md up: one line of columns. Grid areas place the parts, so the source order is
// free to be the reading order: the link is named by its text, subject first.
const layout =
  "grid grid-cols-[1rem_minmax(0,1fr)_auto] gap-x-2 gap-y-0.5 py-2.5 [grid-template-areas:'icon_customer_time'_'._subject_subject'_'._meta_meta'] " +
  "md:grid-cols-[1rem_3.5rem_minmax(0,11rem)_minmax(0,1fr)_4.75rem_minmax(0,8rem)_4.5rem] md:items-center md:gap-3 md:py-2 md:[grid-template-areas:'icon_number_customer_subject_status_assignee_time']";

export function TicketRow({ ticket, selected, highlighted, onFocus, checked, onCheck }: Props) {
  const customer = customerLabel(ticket.customer);
  return (
    <li className={`flex items-stretch ${highlighted ? "animate-flash" : ""} ${checked ? "bg-indigo-50/40" : ""}`}>
      <label className="flex shrink-0 cursor-pointer items-start py-2.5 pl-3 md:items-center md:py-2">
        <input
          type="checkbox"
          checked={checked}
          onChange={() => {}}
          onClick={(event) => onCheck(event.shiftKey)}
          className="size-4"
        />
        <span className="sr-only">Select #{ticket.number}</span>
      </label>
      <Link
        href={`/tickets/${ticket.id}`}
        data-ticket-link
        onFocus={onFocus}
        className={`${layout} min-w-0 flex-1 border-l-2 px-3 text-sm outline-none hover:bg-zinc-50 ${
          selected ? "border-indigo-500 bg-indigo-50/60 hover:bg-indigo-50/60" : "border-transparent"
        }`}
      >
        <span className="truncate [grid-area:subject]">
          <span className="text-zinc-900">{ticket.match?.subject ? <MarkedText text={ticket.match.subject} /> : ticket.subject}</span>
          {ticket.call && <CallStateBadge call={ticket.call} className="ml-1.5" />}
          {ticket.callBackRequestedAt && <CallBackBadge className="ml-1.5" />}
          {ticket.match?.excerpt ? (
            <span className="text-zinc-600">
              {" "}
              — <MarkedText text={ticket.match.excerpt} />
            </span>
          ) : (
            ticket.lastMessagePreview && <span className="text-zinc-600"> — {ticket.lastMessagePreview}</span>
          )}
        </span>
        <span className="truncate font-medium text-zinc-900 [grid-area:customer]">{customer}</span>
        <span className="flex min-w-0 items-center gap-2 [grid-area:meta] md:contents">
          <span className="font-mono text-xs text-zinc-600 md:[grid-area:number]">#{ticket.number}</span>
          <span className="md:[grid-area:status]">
            <StatusBadge status={ticket.status} />
            {(ticket.priority === "urgent" || ticket.priority === "high") && (
              <span className="ml-1 text-[11px] font-medium text-red-700">{ticket.priority === "urgent" ? "Urgent" : "High"}</span>
            )}
          </span>
          <span className="truncate text-xs text-zinc-700 md:[grid-area:assignee]">
            {ticket.assignee?.name ?? "Unassigned"}
          </span>
        </span>
        <RelativeTime
          iso={ticket.lastMessageAt}
          className="text-right text-xs whitespace-nowrap text-zinc-600 tabular-nums [grid-area:time]"
        />
        <ChannelIcon channel={ticket.channel} className="mt-0.5 size-4 text-zinc-600 [grid-area:icon] md:mt-0" />
      </Link>
    </li>
  );
}
