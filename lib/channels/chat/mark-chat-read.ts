import { and, eq, lt, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { chatConversations, tickets } from "@/lib/db/schema";
import { publish } from "@/lib/events/event-bus";

/**
 * Read receipts: how far the visitor, or the team, has read a chat. Only ever moves
 * forward, never past the ticket's last message; the visitor may only mark their own.
 */
export async function markChatRead(
  reader: { type: "visitor"; customerId: string; channelId: string } | { type: "agent" },
  ticketId: string,
  seq: number,
): Promise<void> {
  const column = reader.type === "visitor" ? chatConversations.visitorReadSeq : chatConversations.agentReadSeq;
  const [updated] = await db()
    .update(chatConversations)
    .set(reader.type === "visitor" ? { visitorReadSeq: sql`least(${seq}, ${tickets.lastMessageSeq})` } : { agentReadSeq: sql`least(${seq}, ${tickets.lastMessageSeq})` })
    .from(tickets)
    .where(
      and(
        eq(chatConversations.ticketId, ticketId),
        eq(tickets.id, chatConversations.ticketId),
        lt(column, seq),
        ...(reader.type === "visitor" ? [eq(tickets.customerId, reader.customerId), eq(tickets.channelId, reader.channelId)] : []),
      ),
    )
    .returning({ seq: column, customerId: tickets.customerId, channelId: tickets.channelId });
  if (updated?.channelId) {
    publish({ type: "chat.read", ticketId, customerId: updated.customerId, channelId: updated.channelId, reader: reader.type, seq: updated.seq });
  }
}
