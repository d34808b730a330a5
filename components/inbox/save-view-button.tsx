"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { createSavedViewAction } from "@/app/(app)/inbox/actions";
import { FormError } from "@/components/ui/form-error";
import { filterOfSavedView, inboxHref, savedViewFiltersOf, type InboxFilter } from "./inbox-filter";

/** Saves the current filters as a named view: for yourself, or shared with one of your teams. */
export function SaveViewButton({ filter, myTeams }: { filter: InboxFilter; myTeams: { id: string; name: string }[] }) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function save(form: HTMLFormElement) {
    const data = new FormData(form);
    setPending(true);
    setError(null);
    try {
      const result = await createSavedViewAction({
        name: String(data.get("name") ?? ""),
        teamId: String(data.get("share") ?? "") || null,
        filters: savedViewFiltersOf(filter),
      });
      if (!result.ok) return setError(result.error);
      setOpen(false);
      router.push(inboxHref(filterOfSavedView(result.data.id, result.data.filters)));
      router.refresh();
    } catch {
      setError("Could not reach Touchbase. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md px-2.5 py-1.5 text-xs font-medium text-indigo-700 ring-1 ring-zinc-300 hover:bg-white md:py-1"
      >
        Save view
      </button>
    );
  }
  return (
    <form
      aria-label="Save view"
      onSubmit={(event) => {
        event.preventDefault();
        void save(event.currentTarget);
      }}
      className="flex flex-wrap items-end gap-2 rounded-md bg-white p-2 ring-1 ring-zinc-200"
    >
      <div>
        <label htmlFor={`${id}-name`} className="block text-xs text-zinc-700">
          View name
        </label>
        <input id={`${id}-name`} name="name" required maxLength={60} autoFocus className="rounded border border-zinc-300 px-2 py-1 text-sm" />
      </div>
      <div>
        <label htmlFor={`${id}-share`} className="block text-xs text-zinc-700">
          Visible to
        </label>
        <select id={`${id}-share`} name="share" className="rounded border border-zinc-300 bg-white px-2 py-1 text-sm">
          <option value="">Only me</option>
          {myTeams.map((team) => (
            <option key={team.id} value={team.id}>
              Team {team.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-indigo-500 disabled:opacity-60">
        {pending ? "Saving…" : "Save"}
      </button>
      <button type="button" onClick={() => setOpen(false)} className="rounded-md px-3 py-1.5 text-xs text-zinc-700 ring-1 ring-zinc-300">
        Cancel
      </button>
      <FormError message={error} />
    </form>
  );
}
