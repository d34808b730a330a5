import { afterCommit } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import type { DomainEvent } from "./domain-events";

type Listener = (event: DomainEvent) => void | Promise<void>;

// server.ts and the Next.js bundle load separate copies of this module in one process;
// the listeners live on globalThis so an event published from a route handler reaches
// the realtime listener that server.ts registered.
const store = globalThis as typeof globalThis & { __touchbaseEventListeners?: Set<Listener> };
const listeners = (store.__touchbaseEventListeners ??= new Set());

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Call only after the transaction that made the change has committed. Inside an ambient
 * transaction (an idempotent API request) the events wait until that one commits too.
 */
export function publish(...events: DomainEvent[]): void {
  afterCommit(() => deliver(events));
}

function deliver(events: DomainEvent[]): void {
  for (const event of events) {
    for (const listener of listeners) {
      Promise.resolve()
        .then(() => listener(event))
        .catch((error) => logger.error("event listener failed", { type: event.type, error }));
    }
  }
}
