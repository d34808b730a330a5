import type { TicketStatus } from "@/lib/tickets/ticket-constants";

export const statusLabels: Record<TicketStatus, string> = {
  open: "Open",
  pending: "Pending",
  snoozed: "Snoozed",
  resolved: "Resolved",
  closed: "Closed",
};

const styles: Record<TicketStatus, string> = {
  open: "bg-sky-50 text-sky-700 ring-sky-600/20",
  pending: "bg-violet-50 text-violet-700 ring-violet-600/20",
  snoozed: "bg-amber-50 text-amber-800 ring-amber-600/20",
  resolved: "bg-zinc-100 text-zinc-600 ring-zinc-500/20",
  closed: "bg-zinc-100 text-zinc-600 ring-zinc-500/20",
};

export function StatusBadge({ status }: { status: TicketStatus }) {
  return (
    <span
      className={`inline-flex w-fit shrink-0 items-center rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${styles[status]}`}
    >
      {statusLabels[status]}
    </span>
  );
}
