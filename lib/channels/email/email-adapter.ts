import { AppError } from "@/lib/errors";
import { outboundEmails } from "@/lib/db/schema";
import { toSingleLine } from "@/lib/validation/text";
import type { ChannelAdapter } from "../channel-adapter";

/** The Subject: of our reply; one line, even for a ticket stored before subjects were. */
export function replySubject(ticket: { number: number; subject: string }): string {
  const oneLine = toSingleLine(ticket.subject);
  const subject = /^re:/i.test(oneLine) ? oneLine : `Re: ${oneLine}`;
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
