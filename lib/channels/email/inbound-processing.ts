import { and, asc, eq, lt, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { channels, inboundEmails, type InboundEmail } from "@/lib/db/schema";
import { defineJob } from "@/lib/jobs/job-queue";
import { logger } from "@/lib/logger";
import type { EmailChannel } from "./email-channels";
import { processInboundEmail } from "./receive-email";

// Mail accepted over SMTP is processed in this process right after "250 OK", a few at a
// time so a burst queues here instead of exhausting the database pool. Anything accepted
// but not processed (a crash, the database away) is picked up by the sweep job.

const maxConcurrent = 8;
let running = 0;
const waiting: (() => void)[] = [];
const idle = new Set<() => void>();

export function processInBackground(channel: EmailChannel, inbound: InboundEmail, raw?: Uint8Array): void {
  const start = () => {
    running++;
    processInboundEmail(channel, inbound, raw)
      .catch((error: unknown) => logger.error("inbound email processing failed; the sweep will retry it", { inboundId: inbound.id, error }))
      .finally(() => {
        running--;
        waiting.shift()?.();
        if (running === 0 && waiting.length === 0) for (const resolve of idle) resolve();
      });
  };
  if (running < maxConcurrent) start();
  else waiting.push(start);
}

/** Resolves when nothing is being processed (benchmarks and shutdown wait on it). */
export function inboundProcessingIdle(): Promise<void> {
  if (running === 0 && waiting.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      idle.delete(done);
      resolve();
    };
    idle.add(done);
  });
}

/** Processes mail that was accepted at least `olderThanSeconds` ago and never processed. */
export async function processStrandedInboundEmails(olderThanSeconds: number): Promise<number> {
  const rows = await db()
    .select({ inbound: inboundEmails, channel: channels })
    .from(inboundEmails)
    .innerJoin(channels, eq(channels.id, inboundEmails.channelId))
    .where(and(eq(inboundEmails.status, "received"), lt(inboundEmails.receivedAt, sql`now() - make_interval(secs => ${olderThanSeconds})`)))
    .orderBy(asc(inboundEmails.receivedAt))
    .limit(500);
  for (const { inbound, channel } of rows) {
    await processInboundEmail(channel as EmailChannel, inbound).catch((error: unknown) =>
      logger.error("stranded inbound email still failing", { inboundId: inbound.id, error }),
    );
  }
  return rows.length;
}

export const inboundSweepJob = defineJob<Record<string, never>>({
  name: "email-inbound-sweep",
  cron: "*/5 * * * *",
  run: async () => {
    const count = await processStrandedInboundEmails(120);
    if (count > 0) logger.info("processed stranded inbound mail", { count });
  },
});
