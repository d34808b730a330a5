"use client";

import { useConnectionStatus } from "./use-connection-status";

const labels = { live: "Live", connecting: "Connecting…", reconnecting: "Reconnecting…" } as const;
const dots = { live: "bg-emerald-500", connecting: "bg-zinc-400", reconnecting: "bg-amber-500 animate-pulse" } as const;

export function ConnectionIndicator() {
  const status = useConnectionStatus();
  return (
    <div role="status" aria-label="Realtime connection" className="flex items-center gap-2 text-xs text-zinc-400">
      <span aria-hidden className={`size-2 rounded-full ${dots[status]}`} />
      <span>{labels[status]}</span>
    </div>
  );
}
