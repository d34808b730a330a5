import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { attachments, channels, messages, outboundEmails, type DeliveryState, type OutboundEmail } from "@/lib/db/schema";
import { publish } from "@/lib/events/event-bus";
import { defineJob, type JobContext } from "@/lib/jobs/job-queue";
import { blobStore } from "@/lib/storage/storage";
import { findMessageView, findTicketSummary } from "@/lib/tickets/ticket-queries";
import type { EmailChannelSettings } from "./email-channel-config";
import { smtpTransport } from "./smtp-transport";

export type SendEmailData = { outboundEmailId: string };

// A mail that was "sending" this long ago belongs to a process that died mid-send.
const staleSendingSeconds = 120;

/**
 * One job per outgoing mail. A temporary failure (connection refused, 4xx) is retried
 * with growing delays — 10 s, 20 s, 40 s… about 3 hours in all — and shows as
 * "retrying"; a permanent one (5xx) or the last retry shows as "failed". The job is only
 * run by a process with SMTP_URL set; without it the mail waits in the outbox.
 */
export const sendEmailJob = defineJob<SendEmailData>({
  name: "email-send",
  retryLimit: 10,
  retryDelaySeconds: 10,
  retryBackoff: true,
  expireInSeconds: staleSendingSeconds,
  concurrency: 4,
  run: (data, job) => sendOutboundEmail(data.outboundEmailId, job),
});

export async function sendOutboundEmail(outboundEmailId: string, job: JobContext): Promise<void> {
  // Claim the mail: of two runs of the same job, one sends.
  const [mail] = await db()
    .update(outboundEmails)
    .set({ state: "sending", attempts: sql`${outboundEmails.attempts} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(outboundEmails.id, outboundEmailId),
        or(
          inArray(outboundEmails.state, ["queued", "retrying"]),
          and(eq(outboundEmails.state, "sending"), lt(outboundEmails.updatedAt, sql`now() - make_interval(secs => ${staleSendingSeconds})`)),
        ),
      ),
    )
    .returning();
  if (!mail) return;
  await mirror(mail, "sending", null);

  const [channel] = mail.channelId ? await db().select().from(channels).where(eq(channels.id, mail.channelId)) : [];
  const settings = channel?.settings as EmailChannelSettings | undefined;
  try {
    // The agent's files, as MIME attachments (read inside the try: a storage failure is retried too).
    const files = mail.messageId ? await db().select().from(attachments).where(eq(attachments.messageId, mail.messageId)) : [];
    const attached = await Promise.all(
      files.map(async (file) => ({ filename: file.filename, contentType: file.contentType, content: await blobStore().get(file.storageKey) })),
    );
    await smtpTransport().sendMail({
      from: { name: settings?.displayName ?? channel?.name ?? "", address: mail.fromAddress ?? settings?.address ?? "" },
      to: mail.toAddress,
      cc: mail.ccAddresses,
      replyTo: mail.replyTo ?? undefined,
      subject: mail.subject,
      text: mail.bodyText,
      messageId: mail.rfcMessageId ? `<${mail.rfcMessageId}>` : undefined,
      inReplyTo: mail.inReplyTo ? `<${mail.inReplyTo}>` : undefined,
      references: mail.references.map((id) => `<${id}>`),
      headers: mail.autoSubmitted ? { "Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All" } : {},
      attachments: attached,
    });
  } catch (error) {
    const reason = smtpReason(error);
    const permanent = isPermanent(error);
    const last = job.retryCount >= job.retryLimit;
    await settle(mail, permanent || last ? "failed" : "retrying", reason);
    // Rethrown so pg-boss schedules the next attempt; a permanent failure has none.
    if (!permanent && !last) throw error;
    return;
  }
  await settle(mail, "sent", null);
}

async function settle(mail: OutboundEmail, state: DeliveryState, error: string | null) {
  const [updated] = await db()
    .update(outboundEmails)
    .set({ state, lastError: error, updatedAt: sql`now()`, ...(state === "sent" ? { sentAt: sql`now()` } : {}) })
    .where(eq(outboundEmails.id, mail.id))
    .returning();
  await mirror(updated ?? mail, state, error);
}

/** The message shows where its mail is; staff watching the ticket see it move. */
async function mirror(mail: OutboundEmail, state: DeliveryState, error: string | null) {
  if (!mail.messageId) return;
  await db()
    .update(messages)
    .set({ deliveryState: state, deliveryError: error, deliveryUpdatedAt: sql`now()` })
    .where(eq(messages.id, mail.messageId));
  const message = await findMessageView(db(), mail.messageId);
  const ticket = message && (await findTicketSummary(db(), message.ticketId));
  if (message && ticket) publish({ type: "message.updated", ticket, message });
}

function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

function smtpReason(error: unknown): string {
  const { response, code, message } = error as { response?: string; code?: string; message?: string };
  return (response ?? message ?? code ?? String(error)).slice(0, 500);
}
