import { AppError } from "@/lib/errors";
import { outboundEmails } from "@/lib/db/schema";
import type { ChannelAdapter } from "../channel-adapter";

export function replySubject(ticket: { number: number; subject: string }): string {
  const subject = /^re:/i.test(ticket.subject) ? ticket.subject : `Re: ${ticket.subject}`;
  return `${subject} [#${ticket.number}]`;
}

export const emailAdapter: ChannelAdapter = {
  async send(tx, { ticket, customer, message }) {
    if (!customer.email) {
      throw new AppError("conflict", "This customer has no email address to reply to");
    }
    // The outbox row is the queue. No worker sends it over SMTP yet (SMTP_URL is not
    // read): admins see it in Settings → Outbox and tests read it.
    await tx.insert(outboundEmails).values({
      messageId: message.id,
      toAddress: customer.email,
      subject: replySubject(ticket),
      bodyText: message.bodyText,
    });
  },
};
