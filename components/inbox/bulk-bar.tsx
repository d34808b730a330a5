"use client";

import { forwardRef, useId, useImperativeHandle, useRef, useState } from "react";
import { priorityLabels } from "@/components/ticket/ticket-controls";
import { SnoozePicker } from "@/components/ticket/snooze-picker";
import { statusLabels } from "@/components/ui/status-badge";
import { ticketPriorities, ticketStatuses } from "@/lib/tickets/ticket-constants";
import type { TicketChangeInput } from "@/lib/tickets/ticket-change.validation";
import { tagName } from "@/lib/tickets/ticket-filter";

export type BulkBarHandle = { focusAssign: () => void; focusTag: () => void; snooze: () => void };

type Props = {
  /** "3 selected", or "All 1,204 matching" once select-all-matching is on. */
  label: string;
  teammates: { id: string; name: string }[];
  pending: boolean;
  canSelectAllMatching: boolean;
  onSelectAllMatching: () => void;
  onApply: (change: TicketChangeInput) => void;
  onClear: () => void;
};

const control = "rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-800";

/** What to do with the selected tickets: assign, status (snooze with its time), priority, tags. */
export const BulkBar = forwardRef<BulkBarHandle, Props>(function BulkBar(
  { label, teammates, pending, canSelectAllMatching, onSelectAllMatching, onApply, onClear },
  ref,
) {
  const id = useId();
  const assign = useRef<HTMLSelectElement>(null);
  const tag = useRef<HTMLInputElement>(null);
  const [snoozing, setSnoozing] = useState(false);
  const [tagError, setTagError] = useState<string | null>(null);
  useImperativeHandle(ref, () => ({
    focusAssign: () => assign.current?.focus(),
    focusTag: () => tag.current?.focus(),
    snooze: () => setSnoozing(true),
  }));

  function applyTag(mode: "addTags" | "removeTags") {
    const parsed = tagName.safeParse(tag.current?.value ?? "");
    if (!parsed.success) return setTagError(parsed.error.issues[0]?.message ?? "Not a tag");
    setTagError(null);
    onApply({ [mode]: [parsed.data] });
    if (tag.current) tag.current.value = "";
  }

  return (
    <div role="region" aria-label="Bulk actions" className="sticky top-0 z-20 flex flex-col gap-2 border-b border-indigo-200 bg-indigo-50 px-4 py-2">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <span className="font-medium text-indigo-950" aria-live="polite">
          {label}
        </span>
        {canSelectAllMatching && (
          <button type="button" onClick={onSelectAllMatching} className="text-indigo-800 underline">
            Select all matching
          </button>
        )}
        <label htmlFor={`${id}-assign`} className="sr-only">
          Assign to
        </label>
        <select
          ref={assign}
          id={`${id}-assign`}
          disabled={pending}
          value="keep"
          onChange={(e) => onApply({ assigneeId: e.target.value === "none" ? null : e.target.value })}
          className={control}
        >
          <option value="keep" disabled>
            Assign…
          </option>
          <option value="none">Unassigned</option>
          {teammates.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-status`} className="sr-only">
          Set status
        </label>
        <select
          id={`${id}-status`}
          disabled={pending}
          value="keep"
          onChange={(e) => (e.target.value === "snoozed" ? setSnoozing(true) : onApply({ status: e.target.value as (typeof ticketStatuses)[number] }))}
          className={control}
        >
          <option value="keep" disabled>
            Status…
          </option>
          {ticketStatuses.map((status) => (
            <option key={status} value={status}>
              {status === "snoozed" ? "Snoozed…" : statusLabels[status]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-priority`} className="sr-only">
          Set priority
        </label>
        <select
          id={`${id}-priority`}
          disabled={pending}
          value="keep"
          onChange={(e) => onApply({ priority: e.target.value as (typeof ticketPriorities)[number] })}
          className={control}
        >
          <option value="keep" disabled>
            Priority…
          </option>
          {ticketPriorities.map((priority) => (
            <option key={priority} value={priority}>
              {priorityLabels[priority]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-tag`} className="sr-only">
          Tag
        </label>
        <input
          ref={tag}
          id={`${id}-tag`}
          placeholder="Tag"
          disabled={pending}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              applyTag("addTags");
            }
          }}
          className={`${control} w-24`}
        />
        <button type="button" disabled={pending} onClick={() => applyTag("addTags")} className={control}>
          Add tag
        </button>
        <button type="button" disabled={pending} onClick={() => applyTag("removeTags")} className={control}>
          Remove tag
        </button>
        <button type="button" onClick={onClear} className="ml-auto text-indigo-800 underline">
          Clear selection
        </button>
      </div>
      {tagError && <p className="text-xs text-red-700">{tagError}</p>}
      {snoozing && (
        <SnoozePicker
          onSnooze={(until) => {
            setSnoozing(false);
            onApply({ status: "snoozed", snoozedUntil: until });
          }}
          onCancel={() => setSnoozing(false)}
        />
      )}
    </div>
  );
});
