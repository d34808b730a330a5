"use client";

import { formatRelative } from "./format-relative";
import { useNow } from "./now-provider";

/** "5m ago" with the exact local time on hover (added after hydration: it depends on the viewer's zone). */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const { now, mounted } = useNow();
  const at = new Date(iso);
  return (
    <time dateTime={iso} title={mounted ? at.toLocaleString() : undefined} className={className}>
      {formatRelative(at.getTime(), now)}
    </time>
  );
}
