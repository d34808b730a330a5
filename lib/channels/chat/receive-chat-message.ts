import { and, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { chatConversations, messages, tickets } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import { appendMessage } from "@/lib/tickets/append-message";
import { publishTicketActivity } from "@/lib/tickets/publish-ticket-activity";
import { reopenForCustomer } from "@/lib/tickets/reopen-for-customer";
import { findMessageView, findTicketSummary } from "@/lib/tickets/ticket-queries";
import { listAttachments } from "./chat-queries";
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
  const result = await db().transaction(async (tx) => {
    const [ticket] = await tx
      .select({ id: tickets.id, status: tickets.status })
      .from(tickets)
      .innerJoin(chatConversations, eq(chatConversations.ticketId, tickets.id))
      .where(and(eq(tickets.id, input.ticketId), eq(tickets.customerId, visitor.customerId), eq(tickets.channelId, visitor.channelId)))
      .for("update", { of: tickets });
    if (!ticket) throw notFound("Conversation");

    const [existing] = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.ticketId, ticket.id), eq(messages.clientMessageId, input.clientMessageId)));
    if (existing) return { message: existing, created: false, reopenEventId: null };

    const reopenEventId = ticket.status === "open" ? null : (await reopenForCustomer(tx, ticket.id, ticket.status)).eventId;
    const { message } = await appendMessage(tx, ticket.id, {
      direction: "in",
      kind: "reply",
      bodyText: input.body,
      authorCustomerId: visitor.customerId,
      clientMessageId: input.clientMessageId,
    });
    await attachUploads(tx, visitor, message.id, input.attachmentIds);
    return { message, created: true, reopenEventId };
  });

  const { message } = result;
  if (result.created) {
    const [summary, view] = await Promise.all([findTicketSummary(db(), message.ticketId), findMessageView(db(), message.id)]);
    publish({ type: "message.created", ticket: summary!, message: view! });
    if (result.reopenEventId) await publishTicketActivity([result.reopenEventId]);
  }
  const files = input.attachmentIds.length ? await listAttachments(db(), [message.id]) : new Map();
  return {
    id: message.id,
    ticketId: message.ticketId,
    seq: message.seq,
    from: "visitor",
    authorName: null,
    body: message.bodyText,
    clientMessageId: message.clientMessageId,
    attachments: files.get(message.id) ?? [],
    createdAt: message.createdAt.toISOString(),
  };
}

