import { sql } from "drizzle-orm";
import { callersWaiting } from "@/lib/db/bounded-wait";
import { db, healthCheckConnection } from "@/lib/db/client";
import { logger } from "@/lib/logger";

export type Health =
  | { status: "ok" | "busy"; database: "up"; latencyMs: number; waiting: number }
  | { status: "error"; database: "down" };

const databaseTimeoutMs = 3000;
const poolTimeoutMs = 1000;

/**
 * What a load balancer needs to know: is this node keeping up (a query through the app's
 * pool answers within a second, nobody waits in line for a busy ticket), and if not, is the
 * database still reachable — asked on a connection of the check's own, so that a queue of
 * app queries cannot make it look down. A busy node is still healthy: pulling it would
 * only move its load elsewhere.
 */
export async function checkHealth(): Promise<Health> {
  const startedAt = performance.now();
  const pool = await answersWithin(db().execute(sql`select 1`), poolTimeoutMs);
  const database = pool === true ? true : await answersWithin(healthCheckConnection()`select 1`, databaseTimeoutMs);
  if (database !== true) {
    logger.error("health check: database unreachable", { error: database });
    return { status: "error", database: "down" };
  }
  const waiting = callersWaiting();
  return {
    status: pool === true && waiting === 0 ? "ok" : "busy",
    database: "up",
    latencyMs: Math.round(performance.now() - startedAt),
    waiting,
  };
}

async function answersWithin(query: PromiseLike<unknown>, millis: number): Promise<true | Error> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      query,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${millis} ms`)), millis);
      }),
    ]);
    return true;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    clearTimeout(timer);
  }
}
