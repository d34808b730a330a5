import { pruneAuthRecordsJob } from "@/lib/auth/prune-auth-records";
import { inboundSweepJob } from "@/lib/channels/email/inbound-processing";
import { sendEmailJob } from "@/lib/channels/email/send-email-job";
import { getEnv } from "@/lib/env";
import { csvImportJob } from "@/lib/imports/csv-import-job";
import { wakeSnoozedTicketsJob } from "@/lib/tickets/wake-snoozed-tickets";
import type { JobDefinition } from "./job-queue";

/**
 * Every job server.ts runs. A feature adds its job here (see job-queue.ts). Outgoing
 * mail is sent only when SMTP_URL is set; without it the mail waits in the outbox (and
 * its jobs in the queue) until a process with SMTP_URL starts.
 */
export function allJobs(): JobDefinition<object>[] {
  const jobs: JobDefinition<object>[] = [
    inboundSweepJob as JobDefinition<object>,
    wakeSnoozedTicketsJob as JobDefinition<object>,
    pruneAuthRecordsJob as JobDefinition<object>,
    csvImportJob as JobDefinition<object>,
  ];
  if (getEnv().SMTP_URL) jobs.push(sendEmailJob as JobDefinition<object>);
  return jobs;
}
