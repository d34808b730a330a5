"use client";

import { useState } from "react";
import { deleteSavedViewAction } from "@/app/(app)/inbox/actions";
import type { SavedViewSummary } from "@/lib/saved-views/saved-views";
import { ViewLink } from "./inbox-views";

/** A saved view in the sidebar; its owner can delete it. */
export function SavedViewItem({
  view,
  href,
  active,
  deletable,
  onDeleted,
}: {
  view: SavedViewSummary & { count: number };
  href: string;
  active: boolean;
  deletable: boolean;
  onDeleted: () => void;
}) {
  const [gone, setGone] = useState(false);
  if (gone) return null;
  return (
    <li className="flex items-center">
      <ViewLink href={href} active={active} count={view.count}>
        {view.name}
        {view.team && <span className="text-xs text-zinc-600"> · {view.team.name}</span>}
      </ViewLink>
      {deletable && (
        <button
          type="button"
          onClick={async () => {
            const result = await deleteSavedViewAction(view.id).catch(() => null);
            if (result?.ok) {
              setGone(true);
              onDeleted();
            }
          }}
          className="ml-1 rounded px-1.5 py-1 text-xs text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
        >
          ×<span className="sr-only">Delete view {view.name}</span>
        </button>
      )}
    </li>
  );
}
