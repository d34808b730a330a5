import { randomBytes } from "node:crypto";
import os from "node:os";
import { closeDatabase, connectDatabase } from "@/lib/db/client";
import { startApp, type AppProcess } from "@/lib/testing/app-process";
import { provisionBenchDatabase, type BenchDatabase } from "./database";
import { elapsed, freePort, summarize, type Summary } from "./report";

// The frame of a benchmark against the real server over HTTP: a fresh database seeded
// through lib/ code, then `npm start` on it; cleanUp() stops both.

export type AppBench = { app: AppProcess; database: BenchDatabase };

const secret = randomBytes(32).toString("base64url");
// This process's own lib/ code (the factories) reads the environment too.
process.env.AUTH_SECRET = secret;

let current: { app?: AppProcess; database?: BenchDatabase } = {};

export async function startAppBench<T>(
  label: string,
  seed: (database: BenchDatabase) => Promise<T>,
  options: { env?: Record<string, string>; provision?: () => Promise<BenchDatabase> } = {},
): Promise<AppBench & { seeded: T }> {
  const cpu = os.cpus();
  process.stdout.write(`bench:${label} on ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), load average ${os.loadavg()[0]!.toFixed(1)}\n`);
  const database = await (options.provision ?? (() => provisionBenchDatabase(label)))();
  current.database = database;
  process.stdout.write(`${options.provision ? "Using" : "Fresh"} ${database.description}, migrations applied\n`);
  connectDatabase(database.url, { max: 4 });
  const seedStartedAt = performance.now();
  const seeded = await seed(database);
  await closeDatabase();
  process.stdout.write(`Seeded in ${elapsed(seedStartedAt)}\n`);

  const port = await freePort();
  process.stdout.write(`Starting the server (npm start, port ${port})…`);
  const startedAt = performance.now();
  const app = await startApp({
    port,
    databaseUrl: database.url,
    authSecret: secret,
    env: options.env,
    onProgress: (event) => process.stdout.write(event === "building" ? " building first…" : "."),
  });
  current.app = app;
  process.stdout.write(` healthy after ${elapsed(startedAt)}\n`);
  return { app, database, seeded };
}

export async function cleanUpAppBench(): Promise<void> {
  const { app, database } = current;
  current = {};
  await app?.stop();
  await closeDatabase().catch(() => {});
  if (!database) return;
  await database.dispose().then(
    () => process.stdout.write(`Server stopped; ${database.kept ? "kept" : "removed"} ${database.description}\n`),
    (error: unknown) => process.stderr.write(`Could not remove the database: ${String(error)}\n`),
  );
}

export type Timed = { status: number; millis: number; text: string };

/** One request, timed; a network failure is status 0 rather than a rejection. */
export async function timedFetch(url: string, init: RequestInit = {}): Promise<Timed> {
  const startedAt = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    return { status: response.status, millis: performance.now() - startedAt, text };
  } catch (error) {
    return { status: 0, millis: performance.now() - startedAt, text: String(error) };
  }
}

/**
 * `connections` clients each sending `request` again as soon as the last answered, for
 * `seconds`: the throughput of a closed loop, as load testers like autocannon measure it.
 */
export async function closedLoop(
  connections: number,
  seconds: number,
  request: () => Promise<Timed>,
): Promise<{ perSecond: number; latency: Summary; failed: number }> {
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let failed = 0;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const answer = await request();
        if (answer.status === 200) latencies.push(answer.millis);
        else failed += 1;
      }
    }),
  );
  const took = (performance.now() - startedAt) / 1000;
  return { perSecond: latencies.length / took, latency: summarize(latencies), failed };
}

export const onInterrupt = (stop: () => void) => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stop();
      // The server runs in its own process group, out of reach of a terminal's Ctrl-C.
      void cleanUpAppBench().finally(() => process.exit(130));
    });
  }
};
