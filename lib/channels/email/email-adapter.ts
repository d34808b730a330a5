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
    // The outbox row is the queue: the outbound mail worker sends it over SMTP_URL
    // when one is configured, and admins and tests read it otherwise.
    await tx.insert(outboundEmails).values({
      messageId: message.id,
      toAddress: customer.email,
      subject: replySubject(ticket),
      bodyText: message.bodyText,
    });
  },
};
