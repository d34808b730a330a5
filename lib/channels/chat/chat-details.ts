import { eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { chatConversations } from "@/lib/db/schema";

/** What an agent sees about a chat beside the conversation. */
export type ChatDetails = {
  page: { url: string; title: string } | null;
  visitorReadSeq: number;
  notifyEmail: string | null;
};

export async function findChatDetails(q: Queryable, ticketId: string): Promise<ChatDetails | null> {
  const [row] = await q.select().from(chatConversations).where(eq(chatConversations.ticketId, ticketId));
  if (!row) return null;
  return {
    page: row.pageUrl ? { url: row.pageUrl, title: row.pageTitle ?? "" } : null,
    visitorReadSeq: row.visitorReadSeq,
    notifyEmail: row.notifyEmail,
  };
}
