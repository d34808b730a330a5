import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { chatConversations, tickets } from "@/lib/db/schema";
import { publish } from "@/lib/events/event-bus";
import { publishTouchpoints, recordTouchpoint } from "@/lib/timeline/record-touchpoints";
import type { PageViewInput } from "./chat.validation";
import type { Visitor } from "./visitor";

/**
 * A page view on the host website, reported by the loader: a website-visit touchpoint on
 * the visitor's timeline (once per view id, so a view re-sent after a reconnect counts
 * once), and the current page of their open chats, which agents see live.
 */
export async function recordPageView(visitor: Visitor, page: PageViewInput): Promise<void> {
  const { touchpoint, ticketIds } = await db().transaction(async (tx) => {
    const touchpoint = await recordTouchpoint(tx, {
      customerId: visitor.customerId,
      source: "widget",
      call: "page",
      properties: { url: page.url, path: pathOf(page.url), title: page.title, referrer: page.referrer },
      occurredAt: new Date(),
      messageId: page.id ?? null,
      anonymousId: visitor.identified ? null : visitor.anonymousId,
    });
    const open = tx
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.customerId, visitor.customerId), eq(tickets.channelId, visitor.channelId), inArray(tickets.status, ["open", "pending"])));
    const updated = await tx
      .update(chatConversations)
      .set({ pageUrl: page.url, pageTitle: page.title })
      // `open` holds only this visitor's tickets, including those a merge brought over.
      .where(inArray(chatConversations.ticketId, open))
      .returning({ ticketId: chatConversations.ticketId });
    return { touchpoint, ticketIds: updated.map((row) => row.ticketId) };
  });
  if (touchpoint) publishTouchpoints([touchpoint]);
  if (ticketIds.length > 0) publish({ type: "chat.page", ticketIds, page: { url: page.url, title: page.title } });
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
