"use client";

import { createContext, useContext, useEffect, useState } from "react";

// The server renders relative times against its own clock and hands that instant down, so
// the first client render matches the HTML; after hydration the browser clock takes over.
const NowContext = createContext<{ now: number; mounted: boolean }>({ now: 0, mounted: false });

const tickMs = 30_000;

export function NowProvider({ serverNow, children }: { serverNow: number; children: React.ReactNode }) {
  const [state, setState] = useState({ now: serverNow, mounted: false });
  useEffect(() => {
    setState({ now: Date.now(), mounted: true });
    const timer = setInterval(() => setState({ now: Date.now(), mounted: true }), tickMs);
    return () => clearInterval(timer);
  }, []);
  return <NowContext value={state}>{children}</NowContext>;
}

export function useNow() {
  return useContext(NowContext);
}
