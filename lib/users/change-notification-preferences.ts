import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import type { NotificationPreferences } from "./notification-preferences.validation";

/** Someone's own choice of notifications; nobody else's. */
export async function changeNotificationPreferences(userId: string, preferences: NotificationPreferences): Promise<NotificationPreferences> {
  await db()
    .update(users)
    .set({
      notifyMentionsInApp: preferences.mentionsInApp,
      notifyMentionsByEmail: preferences.mentionsByEmail,
      notifyAssignmentsInApp: preferences.assignmentsInApp,
      notifyAssignmentsByEmail: preferences.assignmentsByEmail,
    })
    .where(eq(users.id, userId));
  return preferences;
}

export function notificationPreferencesOf(user: {
  notifyMentionsInApp: boolean;
  notifyMentionsByEmail: boolean;
  notifyAssignmentsInApp: boolean;
  notifyAssignmentsByEmail: boolean;
}): NotificationPreferences {
  return {
    mentionsInApp: user.notifyMentionsInApp,
    mentionsByEmail: user.notifyMentionsByEmail,
    assignmentsInApp: user.notifyAssignmentsInApp,
    assignmentsByEmail: user.notifyAssignmentsByEmail,
  };
}
