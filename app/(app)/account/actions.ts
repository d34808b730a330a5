"use server";

import { requireSessionEvenBeforePasswordChange, requireUser } from "@/lib/auth/current-user";
import { userActor } from "@/lib/auth/users";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { changeOwnPasswordInput } from "@/lib/users/change-own-password.validation";
import { changeNotificationPreferences } from "@/lib/users/change-notification-preferences";
import { notificationPreferences } from "@/lib/users/notification-preferences.validation";
import { runAction } from "../run-action";

// The only action someone holding a temporary password may call: it is how they stop holding one.
export async function changeOwnPasswordAction(raw: unknown) {
  return runAction(async () => {
    const { user, sessionId } = await requireSessionEvenBeforePasswordChange();
    await changeOwnPassword(userActor(user), changeOwnPasswordInput.parse(raw), { keepSessionId: sessionId });
    return null;
  });
}

export async function changeNotificationPreferencesAction(raw: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    return changeNotificationPreferences(user.id, notificationPreferences.parse(raw));
  });
}
