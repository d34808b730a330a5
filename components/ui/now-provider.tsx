"use client";

import { createContext, useContext, useSyncExternalStore } from "react";

// The server renders relative times against its own clock and hands that instant down, so
// the hydrating render matches the HTML; right after, the browser's clock takes over.
const NowContext = createContext<{ now: number; mounted: boolean }>({ now: 0, mounted: false });

const tickMs = 30_000;
const listeners = new Set<() => void>();
let browserNow = 0;
let timer: ReturnType<typeof setInterval> | undefined;

function tick() {
  browserNow = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) {
    browserNow = Date.now();
    timer = setInterval(tick, tickMs);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) clearInterval(timer);
  };
}

function getSnapshot(): number {
  if (browserNow === 0) browserNow = Date.now();
  return browserNow;
}

export function NowProvider({ serverNow, children }: { serverNow: number; children: React.ReactNode }) {
  const now = useSyncExternalStore(subscribe, getSnapshot, () => serverNow);
  const mounted = useSyncExternalStore(subscribe, () => true, () => false);
  return <NowContext value={{ now, mounted }}>{children}</NowContext>;
}

export function useNow() {
  return useContext(NowContext);
}
