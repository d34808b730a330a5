import { desc, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { outboundEmails, tickets, type DeliveryState } from "@/lib/db/schema";

export type OutboundEmailListItem = {
  id: string;
  toAddress: string;
  subject: string;
  bodyText: string;
  state: DeliveryState;
  lastError: string | null;
  createdAt: Date;
  ticket: { id: string; number: number };
};

/**
 * The newest outbound mail first, id breaking ties, so that a page can continue after its
 * last row with a (created_at, id) cursor; outbound_emails_recent_idx serves this order.
 */
export async function listOutboundEmails(q: Queryable, options: { limit: number }): Promise<OutboundEmailListItem[]> {
  return q
    .select({
      id: outboundEmails.id,
      toAddress: outboundEmails.toAddress,
      subject: outboundEmails.subject,
      bodyText: outboundEmails.bodyText,
      state: outboundEmails.state,
      lastError: outboundEmails.lastError,
      createdAt: outboundEmails.createdAt,
      ticket: { id: tickets.id, number: tickets.number },
    })
    .from(outboundEmails)
    .innerJoin(tickets, eq(tickets.id, outboundEmails.ticketId))
    .orderBy(desc(outboundEmails.createdAt), desc(outboundEmails.id))
    .limit(options.limit);
}
