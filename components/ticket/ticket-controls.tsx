"use client";

import { useId } from "react";
import { statusLabels } from "@/components/ui/status-badge";
import { ticketStatuses, type TicketStatus } from "@/lib/tickets/ticket-constants";
import type { TicketSummary } from "@/lib/tickets/ticket-views";

export type Teammate = { id: string; name: string };

type Props = {
  ticket: TicketSummary;
  teammates: Teammate[];
  onStatusChange: (status: TicketStatus) => void;
  onAssigneeChange: (assigneeId: string | null) => void;
};

const selectStyle =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20";

export function TicketControls({ ticket, teammates, onStatusChange, onAssigneeChange }: Props) {
  const id = useId();
  // Someone deactivated since the assignment still shows as the assignee.
  const options =
    ticket.assignee && !teammates.some((t) => t.id === ticket.assignee!.id)
      ? [...teammates, { id: ticket.assignee.id, name: ticket.assignee.name ?? "Former teammate" }]
      : teammates;

  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-1 md:gap-4">
      <div className="min-w-0">
        <label htmlFor={`${id}-status`} className="text-xs font-medium text-zinc-600">
          Status
        </label>
        <select
          id={`${id}-status`}
          value={ticket.status}
          onChange={(event) => onStatusChange(event.target.value as TicketStatus)}
          className={selectStyle}
        >
          {ticketStatuses.map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-0">
        <label htmlFor={`${id}-assignee`} className="text-xs font-medium text-zinc-600">
          Assignee
        </label>
        <select
          id={`${id}-assignee`}
          value={ticket.assignee?.id ?? ""}
          onChange={(event) => onAssigneeChange(event.target.value || null)}
          className={selectStyle}
        >
          <option value="">Unassigned</option>
          {options.map((teammate) => (
            <option key={teammate.id} value={teammate.id}>
              {teammate.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
