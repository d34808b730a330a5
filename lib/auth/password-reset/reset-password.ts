import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { assertNotCommonPassword } from "@/lib/auth/common-passwords";
import { hashPassword } from "@/lib/auth/password";
import { endSessionsOf } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { passwordResets, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import type { ResetPasswordInput } from "./password-reset.validation";
import { hashResetToken } from "./request-password-reset";

const unusableLink = "This reset link has expired or was already used. Ask for a new one.";

/**
 * Sets a new password with a link from requestPasswordReset. The link is spent in the
 * same transaction that changes the password, so two uses at once change it once.
 * Every session of the person ends with it, sockets included: whoever knew the old
 * password is out.
 */
export async function resetPassword(input: ResetPasswordInput): Promise<{ email: string }> {
  assertNotCommonPassword("newPassword", input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  const changed = await db().transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(passwordResets.tokenHash, hashResetToken(input.token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: passwordResets.userId });
    if (!reset) throw new AppError("validation_failed", unusableLink, [{ path: "token", message: unusableLink }]);

    const [user] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false })
      .where(and(eq(users.id, reset.userId), eq(users.active, true)))
      .returning({ email: users.email });
    if (!user) throw new AppError("validation_failed", unusableLink, [{ path: "token", message: unusableLink }]);
    // Every other link this person was sent is spent too.
    await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    await endSessionsOf(tx, reset.userId);
    return { userId: reset.userId, email: user.email };
  });
  publish({ type: "user.sessions_ended", userId: changed.userId, exceptSessionId: null });
  return { email: changed.email };
}
