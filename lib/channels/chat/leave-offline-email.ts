import { and, eq, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { chatConversations, customers, tickets } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { toVisitorConversation } from "./chat-queries";
import type { Visitor } from "./visitor";
import type { VisitorConversation } from "./widget-protocol";

/**
 * Nobody could answer live: the visitor leaves an email and the team's replies in this
 * conversation also go there (lib/channels/chat/chat-adapter.ts). The customer record
 * keeps it as their reply address when it had none.
 */
export async function leaveOfflineEmail(visitor: Visitor, ticketId: string, email: string): Promise<VisitorConversation> {
  const address = email.trim().toLowerCase();
  return db().transaction(async (tx) => {
    const [ticket] = await tx
      .select()
      .from(tickets)
      .where(and(eq(tickets.id, ticketId), eq(tickets.customerId, visitor.customerId), eq(tickets.channelId, visitor.channelId)));
    if (!ticket) throw notFound("Conversation");
    const [conversation] = await tx
      .update(chatConversations)
      .set({ notifyEmail: address })
      .where(eq(chatConversations.ticketId, ticketId))
      .returning();
    if (!conversation) throw notFound("Conversation");
    await tx
      .update(customers)
      .set({ email: sql`coalesce(${customers.email}, ${address})`, updatedAt: sql`now()` })
      .where(eq(customers.id, visitor.customerId));
    return toVisitorConversation(ticket, conversation);
  });
}
