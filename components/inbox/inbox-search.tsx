"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef } from "react";
import { isShortcutEvent } from "@/components/keyboard/is-typing-target";
import { SearchIcon } from "@/components/ui/icons";
import { inboxHref, type InboxFilter } from "./inbox-filter";

/**
 * Full-text search of the tickets in the current view. On the inbox "/" focuses it; the
 * customer search stays on Ctrl/⌘+K there. This listener runs on the document, before the
 * customer search's on the window, and marks the key as handled.
 */
export function InboxSearch({ filter }: { filter: InboxFilter }) {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "/" || !isShortcutEvent(event)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <form
      role="search"
      aria-label="Search tickets"
      onSubmit={(event) => {
        event.preventDefault();
        const q = input.current?.value.trim() ?? "";
        router.push(inboxHref({ ...filter, q: q || undefined }));
      }}
      className="flex items-center gap-2"
    >
      <label htmlFor={`${id}-q`} className="sr-only">
        Search tickets
      </label>
      <div className="relative w-full max-w-md">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-2 size-4 -translate-y-1/2 text-zinc-500" />
        <input
          ref={input}
          id={`${id}-q`}
          type="search"
          name="q"
          key={filter.q ?? ""}
          defaultValue={filter.q ?? ""}
          maxLength={200}
          placeholder="Search subjects, messages, customers  ( / )"
          onKeyDown={(event) => {
            if (event.key === "Escape") event.currentTarget.blur();
          }}
          className="block w-full rounded-md border border-zinc-300 bg-white py-1.5 pr-2 pl-8 text-sm shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20"
        />
      </div>
      {filter.q && (
        <button
          type="button"
          onClick={() => router.push(inboxHref({ ...filter, q: undefined }))}
          className="rounded-md px-2.5 py-1.5 text-xs text-zinc-700 ring-1 ring-zinc-300 hover:bg-white"
        >
          Clear search
        </button>
      )}
    </form>
  );
}
