"use client";

import { useId, useState } from "react";

/** Wake-up times people pick most, then any date and time. */
function presets(now: Date): { label: string; at: Date }[] {
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  const nextWeek = new Date(now);
  nextWeek.setDate(now.getDate() + ((8 - now.getDay()) % 7 || 7));
  nextWeek.setHours(9, 0, 0, 0);
  return [
    { label: "In 1 hour", at: new Date(now.getTime() + 3_600_000) },
    { label: "In 4 hours", at: new Date(now.getTime() + 4 * 3_600_000) },
    { label: "Tomorrow 9:00", at: tomorrow },
    { label: "Monday 9:00", at: nextWeek },
  ];
}

/** Asks until when to snooze; the ticket opens again by itself then, or when the customer writes. */
export function SnoozePicker({ onSnooze, onCancel }: { onSnooze: (untilIso: string) => void; onCancel: () => void }) {
  const id = useId();
  const [custom, setCustom] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <div role="group" aria-labelledby={`${id}-title`} className="rounded-md bg-amber-50 p-2 ring-1 ring-amber-200">
      <p id={`${id}-title`} className="text-xs font-medium text-amber-900">
        Snooze until
      </p>
      <div className="mt-1 flex flex-wrap gap-1">
        {presets(new Date()).map((preset) => (
          <button
            key={preset.label}
            type="button"
            onClick={() => onSnooze(preset.at.toISOString())}
            className="rounded bg-white px-2 py-1 text-xs text-zinc-800 ring-1 ring-zinc-300 hover:bg-zinc-50"
          >
            {preset.label}
          </button>
        ))}
      </div>
      <form
        className="mt-2 flex items-end gap-1"
        onSubmit={(event) => {
          event.preventDefault();
          const at = new Date(custom);
          if (Number.isNaN(at.getTime()) || at.getTime() <= Date.now()) return setError("Pick a time in the future");
          onSnooze(at.toISOString());
        }}
      >
        <div className="min-w-0 flex-1">
          <label htmlFor={`${id}-custom`} className="text-xs text-zinc-700">
            Date and time
          </label>
          <input
            id={`${id}-custom`}
            type="datetime-local"
            value={custom}
            onChange={(event) => setCustom(event.target.value)}
            className="block w-full rounded border border-zinc-300 bg-white px-1.5 py-1 text-xs"
          />
        </div>
        <button type="submit" className="rounded bg-indigo-600 px-2 py-1 text-xs font-medium text-white hover:bg-indigo-500">
          Snooze
        </button>
        <button type="button" onClick={onCancel} className="rounded px-2 py-1 text-xs text-zinc-700 ring-1 ring-zinc-300">
          Cancel
        </button>
      </form>
      {error && <p className="mt-1 text-xs text-red-700">{error}</p>}
    </div>
  );
}
