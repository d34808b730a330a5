import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { findOrCreateCustomerByEmail } from "@/lib/customers/find-or-create-customer";
import { db, type Transaction } from "@/lib/db/client";
import { ticketEvents, tickets, type ChannelKind, type Customer, type Message, type Ticket } from "@/lib/db/schema";
import { publish } from "@/lib/events/event-bus";
import { appendMessage } from "./append-message";
import { publishTicketActivity } from "./publish-ticket-activity";
import { reopenForCustomer } from "./reopen-for-customer";
import { findMessageView, findTicketSummary } from "./ticket-queries";

export type ReceiveMessageInput = {
  channel: { id: string; kind: ChannelKind };
  from: { email: string; name?: string | null };
  subject: string;
  bodyText: string;
  bodyHtml?: string | null;
  /** The provider's id of the message (email Message-ID); kept for threading. */
  externalId?: string | null;
  /** Tickets this message explicitly answers (e.g. a signed reply token, In-Reply-To), best first. */
  replyToTicketIds?: string[];
  /**
   * A ticket the message only claims by number (a "[#1042]" subject tag): joined only when
   * the sender is that ticket's customer, so a subject never merges two people's mail.
   */
  claimedTicketNumber?: number | null;
  /** Channel-specific rows to write in the same transaction (attachments, CC lists, ingest records). */
  alsoWrite?: (tx: Transaction, stored: { ticket: Ticket; message: Message; customer: Customer; created: boolean }) => Promise<void>;
};

export type ReceivedMessage = { ticket: Ticket; message: Message; customer: Customer; created: boolean };

/**
 * A customer's message arrives through a channel: the sender is found or created by
 * email identity, the message joins the ticket it answers (reopening it if it was
 * resolved) or opens a new one. One transaction; events after commit. Idempotency is the
 * channel's job (it knows its provider ids), done inside `alsoWrite` or before the call.
 */
export async function receiveMessage(input: ReceiveMessageInput): Promise<ReceivedMessage> {
  const { reopenEventId, ...result } = await db().transaction(async (tx) => {
    const customer = await findOrCreateCustomerByEmail(tx, input.from);
    let ticket = await threadedTicket(tx, input, customer);
    const created = !ticket;
    if (!ticket) {
      [ticket] = await tx
        .insert(tickets)
        .values({
          subject: input.subject.trim().slice(0, 300) || "(no subject)",
          channel: input.channel.kind,
          channelId: input.channel.id,
          customerId: customer.id,
        })
        .returning();
    }
    const appended = await appendMessage(tx, ticket!.id, {
      direction: "in",
      kind: "reply",
      bodyText: input.bodyText,
      bodyHtml: input.bodyHtml ?? null,
      externalId: input.externalId ?? null,
      authorCustomerId: customer.id,
    });
    let current = appended.ticket;
    let reopenEventId: string | null = null;
    if (!created && current.status !== "open") {
      const reopened = await reopenForCustomer(tx, current.id, current.status);
      current = reopened.ticket;
      reopenEventId = reopened.eventId;
    }
    await tx.insert(ticketEvents).values({
      ticketId: current.id,
      type: created ? "ticket.created" : "message.received",
      data: { channel: input.channel.kind, channelId: input.channel.id, messageId: appended.message.id },
    });
    const stored = { ticket: current, message: appended.message, customer, created };
    await input.alsoWrite?.(tx, stored);
    return { ...stored, reopenEventId };
  });

  const [summary, message] = await Promise.all([findTicketSummary(db(), result.ticket.id), findMessageView(db(), result.message.id)]).then(
    ([s, m]) => [s!, m!] as const,
  );
  publish(
    ...(result.created ? [{ type: "ticket.created" as const, ticket: summary }] : []),
    { type: "message.created", ticket: summary, message },
  );
  if (reopenEventId) await publishTicketActivity([reopenEventId]);
  return result;
}

async function threadedTicket(tx: Transaction, input: ReceiveMessageInput, customer: Customer): Promise<Ticket | undefined> {
  const ids = input.replyToTicketIds ?? [];
  if (ids.length > 0) {
    const found = await tx
      .select()
      .from(tickets)
      .where(and(inArray(tickets.id, ids), sameChannel(input.channel.id), notClosed))
      .for("update");
    const best = ids.map((id) => found.find((t) => t.id === id)).find(Boolean);
    if (best) return best;
  }
  if (input.claimedTicketNumber != null) {
    const [claimed] = await tx
      .select()
      .from(tickets)
      .where(
        and(
          eq(tickets.number, input.claimedTicketNumber),
          eq(tickets.customerId, customer.id),
          sameChannel(input.channel.id),
          notClosed,
        ),
      )
      .for("update");
    if (claimed) return claimed;
  }
  return undefined;
}

// A closed ticket is done for good: the customer writing again starts a new one.
const notClosed = ne(tickets.status, "closed");

// A ticket made through the API has no channel; replies to it went out through the
// default one, so answers to them may come back through any inbox of the kind.
function sameChannel(channelId: string) {
  return sql`(${tickets.channelId} = ${channelId} or ${tickets.channelId} is null)`;
}
