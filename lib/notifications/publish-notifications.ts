import { db } from "@/lib/db/client";
import { publish } from "@/lib/events/event-bus";
import { logger } from "@/lib/logger";
import { countUnreadNotifications, findNotificationViews } from "./notification-queries";

/** After commit: each new notification goes live to its person's open pages, with their unread count. */
export async function publishNotifications(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    for (const { userId, ...notification } of await findNotificationViews(db(), ids)) {
      publish({ type: "notification.created", userId, notification, unread: await countUnreadNotifications(db(), userId) });
    }
  } catch (error) {
    // Stored already: the bell shows it at the next page load.
    logger.error("publishing notifications failed", { error });
  }
}
