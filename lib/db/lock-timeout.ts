import { sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Transaction } from "./client";

/**
 * Bounds how long this transaction waits for a row lock (one held by another app node, or a
 * long change): waiting longer would hold a pooled connection hostage. Past it the statement
 * fails with lock_not_available, which `busyOnLockTimeout` turns into a 503 `busy`.
 */
export async function limitLockWait(tx: Transaction, millis: number): Promise<void> {
  await tx.execute(sql.raw(`set local lock_timeout = '${Math.round(millis)}ms'`));
}

/** Rethrows PostgreSQL's lock_not_available (55P03) as `busy`; anything else as it was. */
export function busyOnLockTimeout(message: string) {
  return (error: unknown): never => {
    for (let current = error; current instanceof Error; current = current.cause) {
      if ((current as Error & { code?: string }).code === "55P03") throw new AppError("busy", message);
    }
    throw error;
  };
}
