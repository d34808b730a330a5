import { eq, sql } from "drizzle-orm";
import { chatConversations, messages } from "@/lib/db/schema";
import type { ChannelAdapter } from "../channel-adapter";
import { emailAdapter } from "../email/email-adapter";
import { isVisitorOnline } from "./visitor-presence";

export const chatAdapter: ChannelAdapter = {
  // A chat reply reaches a connected visitor through the message.created event that the
  // realtime listener sends to the visitor's room once the transaction commits: there is
  // no outbox to wait in, so it is sent when it is stored. A visitor who left an email
  // while nobody could answer, and is not in the chat now, also gets the reply by mail,
  // through the email channel's own outbound path (which then tells its delivery state).
  async send(tx, delivery) {
    const { ticket, customer, message } = delivery;
    const visitor = ticket.channelId ? { channelId: ticket.channelId, customerId: ticket.customerId } : null;
    // A visitor in the chat now needs no mail, nor the look for an address (a busy chat's common case).
    if (visitor && !isVisitorOnline(visitor)) {
      const [conversation] = await tx
        .select({ notifyEmail: chatConversations.notifyEmail })
        .from(chatConversations)
        .where(eq(chatConversations.ticketId, ticket.id));
      if (conversation?.notifyEmail) {
        await emailAdapter.send(tx, { ...delivery, customer: { ...customer, email: conversation.notifyEmail } });
        return;
      }
    }
    await tx.update(messages).set({ deliveryState: "sent", deliveryUpdatedAt: sql`now()` }).where(eq(messages.id, message.id));
  },
};
