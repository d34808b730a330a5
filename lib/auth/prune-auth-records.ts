import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/job-queue";
import { logger } from "@/lib/logger";
import { pruneSessions } from "./sessions";
import { pruneSignInAttempts } from "./sign-in-with-password";

/** Deletes sign-in attempts and sessions that no rule or cookie can use any more. */
export async function pruneAuthRecords(): Promise<{ signInAttempts: number; sessions: number }> {
  return { signInAttempts: await pruneSignInAttempts(db()), sessions: await pruneSessions(db()) };
}

/** Every hour; running twice, or late after a restart, is harmless: each run deletes whatever is due. */
export const pruneAuthRecordsJob = defineJob<Record<string, never>>({
  name: "auth-prune",
  cron: "23 * * * *",
  run: async () => {
    const pruned = await pruneAuthRecords();
    logger.debug("pruned sign-in attempts and sessions", pruned);
  },
});
