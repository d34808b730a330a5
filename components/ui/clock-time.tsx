"use client";

import { formatRelative } from "./format-relative";
import { useNow } from "./now-provider";

/**
 * The time of day something happened ("14:02", or "23 Nov, 14:02" before today) in the
 * viewer's own zone. The server cannot know that zone, so the HTML and the hydrating
 * render say "5m ago"; the clock time follows at once.
 */
export function ClockTime({ iso, className }: { iso: string; className?: string }) {
  const { now, mounted } = useNow();
  const at = new Date(iso);
  return (
    <time dateTime={iso} title={mounted ? at.toLocaleString() : undefined} className={className}>
      {mounted ? clockTime(at, new Date(now)) : formatRelative(at.getTime(), now)}
    </time>
  );
}

function clockTime(at: Date, now: Date): string {
  const time = at.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
  if (at.toDateString() === now.toDateString()) return time;
  const sameYear = at.getFullYear() === now.getFullYear();
  const day = at.toLocaleDateString(undefined, { day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }) });
  return `${day}, ${time}`;
}
