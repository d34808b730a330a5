import { and, eq, gt, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { outboundEmails, type Customer, type Ticket } from "@/lib/db/schema";
import { enqueueJob } from "@/lib/jobs/job-queue";
import { newMessageId, withSignature } from "./compose-email";
import { replySubject } from "./email-adapter";
import type { EmailChannel } from "./email-channels";
import { replyTokenSecret } from "./reply-token-secret";
import { sendEmailJob } from "./send-email-job";
import { replyAddress } from "./threading";

/**
 * The optional "we got your message" mail for a new ticket: at most one per customer
 * address a day, marked Auto-Submitted (RFC 3834) so that the customer's own
 * auto-responder does not answer it. The caller never calls it for a machine's mail.
 */
export async function acknowledgeNewTicket(channel: EmailChannel, ticket: Ticket, customer: Customer): Promise<boolean> {
  if (!customer.email) return false;
  const to = customer.email;
  return db().transaction(async (tx) => {
    // Serialises acknowledgements to one address, so two mails at once make one answer.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`auto-ack:${to}`}))`);
    const [recent] = await tx
      .select({ id: outboundEmails.id })
      .from(outboundEmails)
      .where(and(eq(outboundEmails.autoSubmitted, true), eq(outboundEmails.toAddress, to), gt(outboundEmails.createdAt, sql`now() - interval '1 day'`)))
      .limit(1);
    if (recent) return false;
    const [ticketMessage] = await tx.execute<{ external_id: string | null }>(
      sql`select external_id from messages where ticket_id = ${ticket.id} order by seq limit 1`,
    );
    const inReplyTo = ticketMessage?.external_id ?? null;
    const [outbox] = await tx
      .insert(outboundEmails)
      .values({
        ticketId: ticket.id,
        channelId: channel.id,
        fromAddress: channel.settings.address,
        toAddress: to,
        replyTo: replyAddress(channel.settings.address, ticket.number, replyTokenSecret()),
        subject: replySubject(ticket),
        bodyText: withSignature(
          `We have received your message and opened ticket #${ticket.number}. We will get back to you as soon as we can; ` +
            "to add anything, just reply to this mail.",
          channel.settings.signature,
        ),
        rfcMessageId: newMessageId(channel.settings.address),
        inReplyTo,
        references: inReplyTo ? [inReplyTo] : [],
        autoSubmitted: true,
      })
      .returning({ id: outboundEmails.id });
    await enqueueJob(sendEmailJob, { outboundEmailId: outbox!.id }, { tx, singletonKey: outbox!.id });
    return true;
  });
}
