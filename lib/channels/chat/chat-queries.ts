import { and, asc, desc, eq, gt, inArray, lte } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import type { MessageView } from "@/lib/tickets/ticket-views";
import { attachments, chatConversations, messages, tickets, users, type ChatConversation, type Ticket } from "@/lib/db/schema";
import { visitorFileUrl } from "./file-links";
import type { VisitorAttachment, VisitorConversation, VisitorMessage } from "./widget-protocol";

// Data access for the widget side. Every query takes the visitor's scope (customer and
// channel) so that a guessed ticket id from another visitor finds nothing.

type Scope = { channelId: string; customerId: string };

export function toVisitorConversation(ticket: Pick<Ticket, "id" | "status" | "createdAt" | "lastMessageSeq">, conversation: Pick<ChatConversation, "agentReadSeq" | "notifyEmail"> | null): VisitorConversation {
  return {
    ticketId: ticket.id,
    // The visitor knows open, pending and resolved: a snooze is the team waiting, closed is done.
    status: ticket.status === "snoozed" ? "pending" : ticket.status === "closed" ? "resolved" : ticket.status,
    createdAt: ticket.createdAt.toISOString(),
    lastSeq: ticket.lastMessageSeq,
    agentReadSeq: conversation?.agentReadSeq ?? 0,
    notifyEmail: conversation?.notifyEmail ?? null,
  };
}

/**
 * A stored message as the visitor sees it, made from the view staff get: only replies may
 * be given to this (the caller checks), never a note; teammates show by name, not email.
 */
export function toVisitorMessage(message: MessageView): VisitorMessage {
  const fromVisitor = message.direction === "in";
  return {
    id: message.id,
    ticketId: message.ticketId,
    seq: message.seq,
    from: fromVisitor ? "visitor" : "agent",
    authorName: fromVisitor ? null : (message.author?.name ?? null),
    body: message.bodyText,
    clientMessageId: fromVisitor ? message.clientMessageId : null,
    attachments: message.attachments
      .filter((file) => !file.inline)
      .map((file) => ({ id: file.id, name: file.filename, contentType: file.contentType, size: file.size, url: visitorFileUrl(file.id) })),
    createdAt: message.createdAt,
  };
}

/** The visitor's own chat ticket with this id, or null: never someone else's. */
export async function findVisitorTicket(q: Queryable, scope: Scope, ticketId: string) {
  const [row] = await q
    .select({ ticket: tickets, conversation: chatConversations })
    .from(tickets)
    .innerJoin(chatConversations, eq(chatConversations.ticketId, tickets.id))
    .where(and(eq(tickets.id, ticketId), eq(tickets.customerId, scope.customerId), eq(tickets.channelId, scope.channelId)))
    .limit(1);
  return row ?? null;
}

const conversationListLimit = 20;

/** The visitor's recent chats on this channel, newest first. */
export async function listVisitorConversations(q: Queryable, scope: Scope): Promise<VisitorConversation[]> {
  const rows = await q
    .select({ ticket: tickets, conversation: chatConversations })
    .from(tickets)
    .innerJoin(chatConversations, eq(chatConversations.ticketId, tickets.id))
    .where(and(eq(tickets.customerId, scope.customerId), eq(tickets.channelId, scope.channelId)))
    .orderBy(desc(tickets.createdAt))
    .limit(conversationListLimit);
  return rows.map((row) => toVisitorConversation(row.ticket, row.conversation));
}

/** Replies in a ticket after `afterSeq`, as the visitor sees them: no notes, no teammates' emails. */
export async function listVisitorMessages(q: Queryable, ticketId: string, afterSeq: number, upToSeq?: number): Promise<VisitorMessage[]> {
  const rows = await q
    .select({
      id: messages.id,
      ticketId: messages.ticketId,
      seq: messages.seq,
      direction: messages.direction,
      bodyText: messages.bodyText,
      clientMessageId: messages.clientMessageId,
      createdAt: messages.createdAt,
      authorName: users.name,
    })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorUserId))
    .where(
      and(
        eq(messages.ticketId, ticketId),
        gt(messages.seq, afterSeq),
        upToSeq === undefined ? undefined : lte(messages.seq, upToSeq),
        eq(messages.kind, "reply"),
      ),
    )
    .orderBy(asc(messages.seq));
  const files = await listAttachments(q, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    ticketId: row.ticketId,
    seq: row.seq,
    from: row.direction === "in" ? "visitor" : "agent",
    authorName: row.direction === "in" ? null : row.authorName,
    body: row.bodyText,
    clientMessageId: row.direction === "in" ? row.clientMessageId : null,
    attachments: files.get(row.id) ?? [],
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Files sent with these messages, by message id, with links a visitor may open. */
export async function listAttachments(q: Queryable, messageIds: string[]): Promise<Map<string, VisitorAttachment[]>> {
  const byMessage = new Map<string, VisitorAttachment[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = await q
    .select()
    .from(attachments)
    .where(and(inArray(attachments.messageId, messageIds), eq(attachments.inline, false)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  for (const row of rows) {
    const list = byMessage.get(row.messageId) ?? [];
    list.push({ id: row.id, name: row.filename, contentType: row.contentType, size: row.size, url: visitorFileUrl(row.id) });
    byMessage.set(row.messageId, list);
  }
  return byMessage;
}
