"use client";

import { useId, useState } from "react";
import { tagName } from "@/lib/tickets/ticket-filter";

/** The ticket's tags as removable chips, and a field that adds one on Enter. */
export function TagEditor({ tags, onAdd, onRemove }: { tags: string[]; onAdd: (tag: string) => void; onRemove: (tag: string) => void }) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <label htmlFor={`${id}-tag`} className="text-xs font-medium text-zinc-600">
        Tags
      </label>
      {tags.length > 0 && (
        <ul aria-label="Tags" className="mt-1 flex flex-wrap gap-1">
          {tags.map((tag) => (
            <li key={tag} className="inline-flex items-center gap-0.5 rounded bg-zinc-100 py-0.5 pl-1.5 text-xs text-zinc-800">
              {tag}
              <button
                type="button"
                onClick={() => onRemove(tag)}
                className="rounded px-1 text-zinc-600 hover:bg-zinc-200 hover:text-zinc-900"
              >
                ×<span className="sr-only">Remove tag {tag}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={`${id}-tag`}
        value={draft}
        placeholder="Add a tag, then Enter"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key !== "Enter") return;
          event.preventDefault();
          const parsed = tagName.safeParse(draft);
          if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Not a tag");
          onAdd(parsed.data);
          setDraft("");
        }}
        className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20"
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
