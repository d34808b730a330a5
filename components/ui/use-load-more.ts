import { useState } from "react";
import type { ActionResult } from "@/app/(app)/action-result";

export type KeysetPage<T> = { items: T[]; nextCursor: string | null };

/** A keyset-paged list shown a page at a time: "Load more" appends the page after `cursor`. */
export function useLoadMore<T>(initial: KeysetPage<T>, load: (cursor: string) => Promise<ActionResult<KeysetPage<T>>>) {
  const [items, setItems] = useState(initial.items);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadMore() {
    if (!cursor) return;
    setPending(true);
    setError(null);
    try {
      const result = await load(cursor);
      if (!result.ok) return setError(result.error);
      setItems((shown) => [...shown, ...result.data.items]);
      setCursor(result.data.nextCursor);
    } catch {
      setError("Could not reach Touchbase. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return { items, hasMore: cursor !== null, pending, error, loadMore };
}
