import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { notifications } from "@/lib/db/schema";
import { publish } from "@/lib/events/event-bus";
import { countUnreadNotifications } from "./notification-queries";

/**
 * Marks some of a person's notifications read (or all of them, with "all"). Scoped to
 * that person: another's ids change nothing. Their other open pages hear the new count.
 */
export async function markNotificationsRead(userId: string, which: string[] | "all"): Promise<{ unread: number }> {
  const unread = await db().transaction(async (tx) => {
    const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
    await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(which === "all" ? mine : and(mine, inArray(notifications.id, which)));
    return countUnreadNotifications(tx, userId);
  });
  publish({ type: "notifications.read", userId, unread });
  return { unread };
}
