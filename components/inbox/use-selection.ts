"use client";

import { useState } from "react";

/**
 * The tickets picked for a bulk action, by id so that rows moving under live updates keep
 * their pick. Shift extends from the last pick to this one; "all matching" stands for
 * every ticket of the view, loaded or not (the server resolves it).
 */
export function useSelection(order: string[]) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);
  const [allMatching, setAllMatching] = useState(false);

  function toggle(id: string, extend: boolean) {
    setAllMatching(false);
    setPicked((current) => {
      const next = new Set(current);
      const from = anchor ? order.indexOf(anchor) : -1;
      const to = order.indexOf(id);
      if (extend && from >= 0 && to >= 0) {
        for (const rangeId of order.slice(Math.min(from, to), Math.max(from, to) + 1)) next.add(rangeId);
      } else if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    setAnchor(id);
  }

  // Only ids still listed count: a ticket that left the view is no longer picked.
  const ids = order.filter((id) => picked.has(id));
  return {
    ids,
    allMatching,
    has: (id: string) => picked.has(id),
    toggle,
    selectAll: () => setPicked(new Set(order)),
    selectAllMatching: () => setAllMatching(true),
    clear: () => {
      setPicked(new Set());
      setAllMatching(false);
      setAnchor(null);
    },
  };
}
