import PgBoss from "pg-boss";
import type postgres from "postgres";
import type { Transaction } from "@/lib/db/client";
import { logger } from "@/lib/logger";

/**
 * Work that must survive a restart (outbound mail, SLA timers, pruning) runs on pg-boss,
 * a queue kept in the app's own PostgreSQL (schema `pgboss`).
 *
 * A feature describes its job once with defineJob() and adds it to lib/jobs/all-jobs.ts;
 * server.ts runs every job listed there. Code anywhere calls enqueueJob(job, data) after
 * its transaction commits. A job's handler must be safe to run twice: pg-boss delivers
 * at least once (a crash mid-job runs it again after `expireInSeconds`).
 */
export type JobContext = { id: string; retryCount: number; retryLimit: number };

export type JobDefinition<T extends object> = {
  /** Queue name: letters, digits, dots, dashes. */
  name: string;
  /** Attempts after the first one fails (a thrown error). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Doubles the delay after each failure, from retryDelaySeconds. */
  retryBackoff?: boolean;
  /** A running job that takes longer is considered dead and retried. */
  expireInSeconds?: number;
  /** Runs the job on this cron schedule (UTC), with `{}` as data. */
  cron?: string;
  /** How many jobs one process runs at once. */
  concurrency?: number;
  run(data: T, job: JobContext): Promise<void>;
};

export function defineJob<T extends object>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}

export type JobQueueOptions = {
  /** Polling interval of each worker; the queue has no push notification. */
  pollingIntervalSeconds?: number;
};

// server.ts and the Next.js bundle load separate copies of this module in one process;
// the queue lives on globalThis so that a server action enqueues into the running one.
type Store = { __touchbaseJobs?: { boss: PgBoss; url: string; working: boolean }; __touchbaseJobsStarting?: Promise<PgBoss> };
const store = globalThis as typeof globalThis & Store;

function newBoss(url: string, working: boolean): PgBoss {
  const boss = new PgBoss({
    connectionString: url,
    application_name: "touchbase-jobs",
    max: working ? 4 : 2,
    // A process that only enqueues (a script, a test) leaves maintenance to the server.
    supervise: working,
    schedule: working,
    migrate: true,
  });
  boss.on("error", (error) => logger.error("job queue error", { error }));
  return boss;
}

/**
 * Starts the queue and a worker for each job: creates pg-boss's schema and the queues
 * when missing. Returns the function that stops it, waiting for running jobs.
 */
export async function startJobQueue(
  url: string,
  jobs: readonly JobDefinition<object>[],
  options: JobQueueOptions = {},
): Promise<{ stop: () => Promise<void> }> {
  if (store.__touchbaseJobs?.working) throw new Error("The job queue is already running in this process");
  const boss = newBoss(url, true);
  await boss.start();
  for (const job of jobs) {
    await createQueue(boss, job);
    const handle = async ([item]: PgBoss.JobWithMetadata<object>[]) => {
      if (!item) return;
      try {
        await job.run(item.data, { id: item.id, retryCount: item.retryCount, retryLimit: item.retryLimit });
      } catch (error) {
        logger.warn("job failed", { job: job.name, id: item.id, attempt: item.retryCount + 1, error });
        throw error;
      }
    };
    // pg-boss runs one batch at a time per work() call: more calls, more jobs at once.
    for (let worker = 0; worker < (job.concurrency ?? 1); worker++) {
      await boss.work<object>(
        job.name,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
        handle,
      );
    }
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
  }
  const previous = store.__touchbaseJobs;
  store.__touchbaseJobs = { boss, url, working: true };
  if (previous) await previous.boss.stop({ graceful: false, wait: false });
  return {
    stop: async () => {
      if (store.__touchbaseJobs?.boss === boss) store.__touchbaseJobs = undefined;
      await boss.stop({ graceful: true, wait: true, timeout: 8_000 });
    },
  };
}

const createdQueues = new WeakMap<PgBoss, Set<string>>();

async function createQueue(boss: PgBoss, job: JobDefinition<object>): Promise<void> {
  const created = createdQueues.get(boss) ?? new Set<string>();
  createdQueues.set(boss, created);
  if (created.has(job.name)) return;
  await boss.createQueue(job.name, {
    name: job.name,
    retryLimit: job.retryLimit ?? 0,
    retryDelay: job.retryDelaySeconds ?? 0,
    retryBackoff: job.retryBackoff ?? false,
    expireInSeconds: job.expireInSeconds ?? 15 * 60,
  });
  created.add(job.name);
}

async function runningBoss(url: string): Promise<PgBoss> {
  const current = store.__touchbaseJobs;
  if (current) return current.boss;
  store.__touchbaseJobsStarting ??= (async () => {
    const boss = newBoss(url, false);
    await boss.start();
    store.__touchbaseJobs ??= { boss, url, working: false };
    return store.__touchbaseJobs.boss;
  })().finally(() => {
    store.__touchbaseJobsStarting = undefined;
  });
  return store.__touchbaseJobsStarting;
}

/**
 * Queues a job. Given `tx`, the job is written in that transaction: it exists if and only
 * if the work it is for was committed. `singletonKey`: while a job with this key waits,
 * another is not added (returns null).
 */
export async function enqueueJob<T extends object>(
  job: JobDefinition<T>,
  data: T,
  options: { tx?: Transaction; singletonKey?: string; startAfterSeconds?: number } = {},
): Promise<string | null> {
  const url = store.__touchbaseJobs?.url ?? (await defaultDatabaseUrl());
  const boss = await runningBoss(url);
  await createQueue(boss, job as JobDefinition<object>);
  return boss.send(job.name, data, {
    ...(options.tx ? { db: inTransaction(options.tx) } : {}),
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
  });
}

// pg-boss runs its INSERT through whatever executes SQL; this one is the drizzle
// transaction's own postgres.js connection. pg-boss's values are node-postgres style:
// objects become JSON, undefined becomes NULL.
function inTransaction(tx: Transaction): PgBoss.Db {
  const client = (tx as unknown as { session: { client: postgres.Sql } }).session.client;
  return {
    executeSql: async (text, values) => {
      const params = values.map((value: unknown) =>
        value === undefined ? null : value && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value,
      );
      return { rows: await client.unsafe(text, params as postgres.ParameterOrJSON<never>[]) };
    },
  };
}

/** Stops a send-only queue opened by enqueueJob in a process without workers (scripts, tests). */
export async function closeJobQueue(): Promise<void> {
  const current = store.__touchbaseJobs;
  if (!current || current.working) return;
  store.__touchbaseJobs = undefined;
  await current.boss.stop({ graceful: false, wait: true, timeout: 2_000 });
}

async function defaultDatabaseUrl(): Promise<string> {
  const { databaseUrl } = await import("@/lib/db/client");
  return databaseUrl();
}
