"use server";

import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { countUnreadNotifications, listNotifications } from "@/lib/notifications/notification-queries";
import { runAction } from "../run-action";

const which = z.union([z.literal("all"), z.array(z.uuid()).min(1).max(100)]);

/** The signed-in person's latest notifications, for the bell's list. */
export async function loadNotifications() {
  return runAction(async () => {
    const user = await requireUser();
    const [page, unread] = await Promise.all([
      listNotifications(db(), user.id, { limit: 30 }),
      countUnreadNotifications(db(), user.id),
    ]);
    return { notifications: page.notifications, unread };
  });
}

/** Marks the signed-in person's own notifications read: some by id, or "all". */
export async function markRead(raw: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    return markNotificationsRead(user.id, which.parse(raw));
  });
}
