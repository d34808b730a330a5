import { sql } from "drizzle-orm";
import { db, type Queryable } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { notFound } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import { preview } from "@/lib/tickets/append-message";
import { publishTicketActivity } from "@/lib/tickets/publish-ticket-activity";
import { findMessageWithTicket } from "@/lib/tickets/ticket-queries";
import { toVisitorMessage } from "./chat-queries";
import type { ChatMessageInput } from "./chat.validation";
import { attachUploads } from "./start-chat";
import type { Visitor } from "./visitor";
import type { VisitorMessage } from "./widget-protocol";

/**
 * A visitor's message in one of their own conversations. It is stored (with the ticket's
 * next sequence number) before anyone is told; the same client message id again returns
 * the stored message, so a retry after a lost acknowledgement is never doubled. A visitor
 * writing again reopens a resolved or pending chat.
 */
export async function receiveChatMessage(visitor: Visitor, input: ChatMessageInput): Promise<VisitorMessage> {
  const stored = input.attachmentIds.length
    ? await db().transaction(async (tx) => {
        const result = await storeVisitorMessage(tx, visitor, input);
        if (result.created) await attachUploads(tx, visitor, result.messageId, input.attachmentIds);
        return result;
      })
    : await storeVisitorMessage(db(), visitor, input).catch(async (error: unknown) => {
        // A retry raced its original past the check below: the unique index kept one, so
        // this is now a retry that finds it.
        if (isUniqueViolation(error, "messages_ticket_client_id_key")) return storeVisitorMessage(db(), visitor, input);
        throw error;
      });

  const found = (await findMessageWithTicket(db(), stored.messageId))!;
  if (stored.created) publish({ type: "message.created", ticket: found.ticket, message: found.message });
  // A pending, snoozed, resolved or closed chat is open again; the conversation says why (reopen-for-customer.ts does the same for other channels).
  if (stored.reopenEventId) await publishTicketActivity([stored.reopenEventId]);
  return toVisitorMessage(found.message);
}

/**
 * One statement, so that a chat message costs the database one round trip: it finds the
 * visitor's own ticket (another's id finds nothing), the message already stored under
 * this client id, or bumps the ticket's sequence (the row lock orders concurrent writers)
 * and inserts the message with it, reopening the ticket with a status.changed event when
 * it was not open.
 */
async function storeVisitorMessage(q: Queryable, visitor: Visitor, input: ChatMessageInput): Promise<{ messageId: string; created: boolean; reopenEventId: string | null }> {
  const [row] = await q.execute<{ found: boolean; existing_id: string | null; created_id: string | null; reopen_event_id: string | null }>(sql`
    with target as (
      select t.id, t.status from tickets t join chat_conversations c on c.ticket_id = t.id
      where t.id = ${input.ticketId} and t.customer_id = ${visitor.customerId} and t.channel_id = ${visitor.channelId}
    ), existing as (
      select m.id from messages m
      where m.ticket_id = (select id from target) and m.client_message_id = ${input.clientMessageId}
    ), bumped as (
      update tickets set
        last_message_seq = last_message_seq + 1,
        status = 'open',
        resolved_at = case when status = 'open' then resolved_at end,
        snoozed_until = case when status = 'open' then snoozed_until end,
        updated_at = now(),
        last_message_at = now(),
        last_message_preview = ${preview(input.body)}
      where id = (select id from target) and not exists (select 1 from existing)
      returning id, last_message_seq
    ), inserted as (
      insert into messages (ticket_id, seq, direction, kind, body_text, author_customer_id, client_message_id)
      select id, last_message_seq, 'in', 'reply', ${input.body}, ${visitor.customerId}, ${input.clientMessageId} from bumped
      returning id
    ), reopened as (
      insert into ticket_events (ticket_id, type, data)
      select b.id, 'status.changed', jsonb_build_object('from', t.status, 'to', 'open', 'reason', 'customer_wrote')
      from bumped b join target t on t.id = b.id where t.status <> 'open'
      returning id
    )
    select exists (select 1 from target) as found, (select id from existing) as existing_id, (select id from inserted) as created_id,
      (select id from reopened) as reopen_event_id`);
  if (!row?.found) throw notFound("Conversation");
  if (row.created_id) return { messageId: row.created_id, created: true, reopenEventId: row.reopen_event_id };
  return { messageId: row.existing_id!, created: false, reopenEventId: null };
}
