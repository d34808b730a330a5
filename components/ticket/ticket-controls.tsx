"use client";

import { useId, useState } from "react";
import { statusLabels } from "@/components/ui/status-badge";
import { ticketPriorities, ticketStatuses, type TicketPriority, type TicketStatus } from "@/lib/tickets/ticket-constants";
import type { TicketChangeInput } from "@/lib/tickets/ticket-change.validation";
import type { TicketSummary } from "@/lib/tickets/ticket-views";
import { SnoozePicker } from "./snooze-picker";
import { TagEditor } from "./tag-editor";

export type Teammate = { id: string; name: string };
export type TeamOption = { id: string; name: string };

type Props = {
  ticket: TicketSummary;
  teammates: Teammate[];
  teams: TeamOption[];
  onStatusChange: (status: TicketStatus) => void;
  onAssigneeChange: (assigneeId: string | null) => void;
  /** Any other change: priority, team, tags, a snooze with its time. */
  onChange: (change: TicketChangeInput, optimistic: Partial<TicketSummary>) => void;
};

export const priorityLabels: Record<TicketPriority, string> = { low: "Low", normal: "Normal", high: "High", urgent: "Urgent" };

const selectStyle =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20";

export function TicketControls({ ticket, teammates, teams, onStatusChange, onAssigneeChange, onChange }: Props) {
  const id = useId();
  const [snoozing, setSnoozing] = useState(false);
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
          value={snoozing ? "snoozed" : ticket.status}
          onChange={(event) => {
            const status = event.target.value as TicketStatus;
            // A snooze needs its wake-up time first.
            if (status === "snoozed") return setSnoozing(true);
            setSnoozing(false);
            onStatusChange(status);
          }}
          className={selectStyle}
        >
          {ticketStatuses.map((status) => (
            <option key={status} value={status}>
              {status === "snoozed" ? "Snoozed…" : statusLabels[status]}
            </option>
          ))}
        </select>
        {ticket.status === "snoozed" && ticket.snoozedUntil && !snoozing && (
          <p className="mt-1 text-xs text-zinc-600">Opens again {new Date(ticket.snoozedUntil).toLocaleString()}</p>
        )}
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
      {snoozing && (
        <div className="col-span-2 md:col-span-1">
          <SnoozePicker
            onSnooze={(until) => {
              setSnoozing(false);
              onChange({ status: "snoozed", snoozedUntil: until }, { status: "snoozed", snoozedUntil: until });
            }}
            onCancel={() => setSnoozing(false)}
          />
        </div>
      )}
      <div className="min-w-0">
        <label htmlFor={`${id}-priority`} className="text-xs font-medium text-zinc-600">
          Priority
        </label>
        <select
          id={`${id}-priority`}
          value={ticket.priority}
          onChange={(event) => {
            const priority = event.target.value as TicketPriority;
            onChange({ priority }, { priority });
          }}
          className={selectStyle}
        >
          {ticketPriorities.map((priority) => (
            <option key={priority} value={priority}>
              {priorityLabels[priority]}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-0">
        <label htmlFor={`${id}-team`} className="text-xs font-medium text-zinc-600">
          Team
        </label>
        <select
          id={`${id}-team`}
          value={ticket.team?.id ?? ""}
          onChange={(event) => {
            const team = teams.find((t) => t.id === event.target.value) ?? null;
            onChange({ teamId: team?.id ?? null }, { team });
          }}
          className={selectStyle}
        >
          <option value="">No team</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div className="col-span-2 min-w-0 md:col-span-1">
        <TagEditor
          tags={ticket.tags}
          onAdd={(tag) => onChange({ addTags: [tag] }, { tags: [...new Set([...ticket.tags, tag])].sort() })}
          onRemove={(tag) => onChange({ removeTags: [tag] }, { tags: ticket.tags.filter((t) => t !== tag) })}
        />
      </div>
    </div>
  );
}
