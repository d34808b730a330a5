import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { channels, emailThreads, messages, outboundEmails } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { toSingleLine } from "@/lib/validation/text";
import { enqueueJob } from "@/lib/jobs/job-queue";
import type { ChannelAdapter } from "../channel-adapter";
import { authorName } from "./author-name";
import { newMessageId, quoteHistory, referencesFor, withSignature } from "./compose-email";
import { channelAddresses, listEmailChannels, type EmailChannel } from "./email-channels";
import { replyTokenSecret } from "./reply-token-secret";
import { sendEmailJob } from "./send-email-job";
import { replyAddress } from "./threading";

/** The Subject: of our reply; one line, even for a ticket stored before subjects were. */
export function replySubject(ticket: { number: number; subject: string }): string {
  const oneLine = toSingleLine(ticket.subject);
  const subject = /^re:/i.test(oneLine) ? oneLine : `Re: ${oneLine}`;
  return `${subject} [#${ticket.number}]`;
}

/**
 * A reply becomes an outbox row and a send job in the transaction that stores it: never a
 * reply without its mail, nor a mail without its reply. The job (send-email-job.ts) does
 * the SMTP work and moves the delivery state.
 */
export const emailAdapter: ChannelAdapter = {
  async send(tx, { ticket, customer, message }) {
    if (!customer.email) {
      throw new AppError("conflict", "This customer has no email address to reply to");
    }
    const channel = await sendingChannel(tx, ticket.channelId);
    const thread = await tx
      .select({ externalId: messages.externalId, direction: messages.direction, bodyText: messages.bodyText, createdAt: messages.createdAt })
      .from(messages)
      // Replies only: a phone ticket's call messages carry Twilio ids, not Message-IDs.
      .where(and(eq(messages.ticketId, ticket.id), eq(messages.kind, "reply"), isNotNull(messages.externalId)))
      .orderBy(asc(messages.seq));
    const lastInbound = thread.filter((m) => m.direction === "in").at(-1);
    const [copied] = await tx.select().from(emailThreads).where(eq(emailThreads.ticketId, ticket.id));
    // From the address the customer wrote to, while it is still one of the inbox's.
    const fromAddress =
      channel && copied?.supportAddress && channelAddresses(channel).includes(copied.supportAddress)
        ? copied.supportAddress
        : (channel?.settings.address ?? null);
    const rfcMessageId = fromAddress ? newMessageId(fromAddress) : null;
    const body = quoteHistory(
      withSignature(message.bodyText, channel?.settings.signature),
      lastInbound ? { text: lastInbound.bodyText, author: authorName(customer), date: lastInbound.createdAt } : null,
    );

    const [outbox] = await tx
      .insert(outboundEmails)
      .values({
        messageId: message.id,
        ticketId: ticket.id,
        channelId: channel?.id ?? null,
        fromAddress,
        toAddress: customer.email,
        ccAddresses: copied?.ccAddresses ?? [],
        replyTo: fromAddress ? replyAddress(fromAddress, ticket.number, replyTokenSecret()) : null,
        subject: replySubject(ticket),
        bodyText: body,
        rfcMessageId,
        inReplyTo: lastInbound?.externalId ?? thread.at(-1)?.externalId ?? null,
        references: referencesFor(thread.map((m) => m.externalId!)),
      })
      .returning({ id: outboundEmails.id });
    await tx
      .update(messages)
      .set({ externalId: rfcMessageId, deliveryState: "queued", deliveryUpdatedAt: sql`now()` })
      .where(eq(messages.id, message.id));
    // Without an email channel there is nothing to send from: the mail waits in the outbox.
    if (channel) await enqueueJob(sendEmailJob, { outboundEmailId: outbox!.id }, { tx, singletonKey: outbox!.id });
  },
};

/** The ticket's own inbox, else (a ticket made through the API) the first active email channel. */
async function sendingChannel(tx: Transaction, channelId: string | null): Promise<EmailChannel | undefined> {
  if (channelId) {
    const [own] = await tx.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.kind, "email")));
    if (own) return own as EmailChannel;
  }
  return (await listEmailChannels(tx)).find((c) => c.active);
}
