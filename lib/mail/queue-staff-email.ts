import type { Transaction } from "@/lib/db/client";
import { outboundEmails } from "@/lib/db/schema";
import { listEmailChannels } from "@/lib/channels/email/email-channels";
import { sendEmailJob } from "@/lib/channels/email/send-email-job";
import { enqueueJob } from "@/lib/jobs/job-queue";
import { toSingleLine } from "@/lib/validation/text";

/**
 * Mail from Touchbase to a teammate (a password reset link, a notification), sent from the
 * first active email channel's address through the same outbox and send job as replies.
 * Queued in the caller's transaction; without an email channel it waits in the outbox.
 */
export async function queueStaffEmail(tx: Transaction, mail: { to: string; subject: string; bodyText: string }): Promise<void> {
  const channel = (await listEmailChannels(tx)).find((candidate) => candidate.active);
  const [outbox] = await tx
    .insert(outboundEmails)
    .values({
      channelId: channel?.id ?? null,
      fromAddress: channel?.settings.address ?? null,
      toAddress: mail.to,
      subject: toSingleLine(mail.subject),
      bodyText: mail.bodyText,
    })
    .returning({ id: outboundEmails.id });
  if (channel) await enqueueJob(sendEmailJob, { outboundEmailId: outbox!.id }, { tx, singletonKey: outbox!.id });
}
