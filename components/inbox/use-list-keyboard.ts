"use client";

import { useEffect, useRef, useState } from "react";
import { isShortcutEvent } from "@/components/keyboard/is-typing-target";

/**
 * j/k move the selection through the rows and focus the row's link, so Enter opens it
 * natively; o opens it too. The selection follows the ticket id, not the position, so
 * rows moving under live updates do not steal it.
 */
export function useListKeyboard(ids: string[]) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const idsRef = useRef(ids);
  const selectedRef = useRef(selectedId);
  useEffect(() => {
    idsRef.current = ids;
    selectedRef.current = selectedId;
  });

  useEffect(() => {
    function linkFor(id: string): HTMLAnchorElement | null {
      const index = idsRef.current.indexOf(id);
      return listRef.current?.querySelectorAll<HTMLAnchorElement>("a[data-ticket-link]")[index] ?? null;
    }
    function onKeyDown(event: KeyboardEvent) {
      if (!isShortcutEvent(event)) return;
      const list = idsRef.current;
      if (list.length === 0) return;
      const index = selectedRef.current ? list.indexOf(selectedRef.current) : -1;
      if (event.key === "j" || event.key === "k") {
        event.preventDefault();
        const next =
          event.key === "j" ? Math.min(index + 1, list.length - 1) : index < 0 ? 0 : Math.max(index - 1, 0);
        const id = list[next]!;
        setSelectedId(id);
        linkFor(id)?.focus();
        linkFor(id)?.scrollIntoView({ block: "nearest" });
      } else if ((event.key === "o" || (event.key === "Enter" && event.target === document.body)) && index >= 0) {
        event.preventDefault();
        linkFor(list[index]!)?.click();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return { selectedId, setSelectedId, listRef };
}
