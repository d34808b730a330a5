import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type Transaction } from "@/lib/db/client";
import { attachments, chatConversations, chatUploads, customers, ticketEvents, tickets } from "@/lib/db/schema";
import { publish } from "@/lib/events/event-bus";
import { appendMessage } from "@/lib/tickets/append-message";
import { findMessageWithTicket } from "@/lib/tickets/ticket-queries";
import { listVisitorMessages, toVisitorConversation } from "./chat-queries";
import type { StartChatInput } from "./chat.validation";
import type { Visitor } from "./visitor";
import type { VisitorConversation, VisitorMessage } from "./widget-protocol";

const subjectLength = 80;

/**
 * A visitor's first message opens a chat ticket in the shared inbox. Retrying with the
 * same client message id returns the conversation it opened instead of a second one.
 * When nobody can answer now (`away`), the email the visitor gave is kept so the answer
 * also reaches them by mail.
 */
export async function startChat(
  visitor: Visitor,
  input: StartChatInput,
  context: { away: boolean; page?: { url: string; title: string } | null },
): Promise<{ conversation: VisitorConversation; message: VisitorMessage }> {
  const result = await db().transaction(async (tx) => {
    // One start at a time per visitor, so a retry racing the original finds it.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${visitor.customerId}, 0))`);
    const [existing] = await tx
      .select({ ticketId: chatConversations.ticketId })
      .from(chatConversations)
      .where(and(eq(chatConversations.customerId, visitor.customerId), eq(chatConversations.startClientMessageId, input.clientMessageId)));
    if (existing) return { ticketId: existing.ticketId, messageId: null };

    const customer = await rememberVisitorDetails(tx, visitor.customerId, input);
    const [ticket] = await tx
      .insert(tickets)
      .values({ subject: subjectOf(input.body, customer.name), channel: "chat", channelId: visitor.channelId, customerId: visitor.customerId })
      .returning();
    const { message } = await appendMessage(tx, ticket!.id, {
      direction: "in",
      kind: "reply",
      bodyText: input.body,
      authorCustomerId: visitor.customerId,
      clientMessageId: input.clientMessageId,
    });
    await tx.insert(chatConversations).values({
      ticketId: ticket!.id,
      customerId: visitor.customerId,
      startClientMessageId: input.clientMessageId,
      notifyEmail: context.away ? customer.email : null,
      pageUrl: context.page?.url ?? null,
      pageTitle: context.page?.title ?? null,
    });
    await attachUploads(tx, visitor, message.id, input.attachmentIds);
    await tx.insert(ticketEvents).values({ ticketId: ticket!.id, type: "ticket.created", data: { channel: "chat", via: "widget" } });
    return { ticketId: ticket!.id, messageId: message.id };
  });

  const [row] = await db()
    .select({ ticket: tickets, conversation: chatConversations })
    .from(tickets)
    .innerJoin(chatConversations, eq(chatConversations.ticketId, tickets.id))
    .where(eq(tickets.id, result.ticketId));
  const [first] = await listVisitorMessages(db(), result.ticketId, 0);
  if (result.messageId) {
    const { ticket, message } = (await findMessageWithTicket(db(), result.messageId))!;
    publish({ type: "ticket.created", ticket }, { type: "message.created", ticket, message });
  }
  return { conversation: toVisitorConversation(row!.ticket, row!.conversation), message: first! };
}

/** The pre-chat form's name and email fill in what the customer record lacks; nothing is overwritten. */
async function rememberVisitorDetails(tx: Transaction, customerId: string, input: StartChatInput) {
  const [customer] = await tx
    .update(customers)
    .set({
      name: sql`coalesce(${customers.name}, ${input.name ?? null})`,
      email: sql`coalesce(${customers.email}, ${input.email?.toLowerCase() ?? null})`,
      updatedAt: sql`now()`,
    })
    .where(eq(customers.id, customerId))
    .returning();
  return customer!;
}

/** The visitor's own unsent uploads become the message's attachments; anyone else's ids are ignored. */
export async function attachUploads(tx: Transaction, visitor: Visitor, messageId: string, uploadIds: string[]) {
  if (uploadIds.length === 0) return;
  const claimed = await tx
    .update(chatUploads)
    .set({ messageId })
    .where(
      and(
        inArray(chatUploads.id, uploadIds),
        eq(chatUploads.customerId, visitor.customerId),
        eq(chatUploads.channelId, visitor.channelId),
        isNull(chatUploads.messageId),
      ),
    )
    .returning();
  if (claimed.length === 0) return;
  await tx.insert(attachments).values(
    claimed.map((upload) => ({
      messageId,
      filename: upload.fileName,
      contentType: upload.contentType,
      size: upload.size,
      storageKey: upload.storageKey,
    })),
  );
}

function subjectOf(body: string, name: string | null): string {
  const oneLine = body.replace(/\s+/g, " ").trim();
  if (!oneLine) return `Chat with ${name ?? "a website visitor"}`;
  return oneLine.length > subjectLength ? `${oneLine.slice(0, subjectLength - 1)}…` : oneLine;
}
