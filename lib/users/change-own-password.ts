import { and, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { assertNotCommonPassword } from "@/lib/auth/common-passwords";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endSessionsOf } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError, forbidden, invalidField } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import type { ChangeOwnPasswordInput } from "./change-own-password.validation";

/**
 * A signed-in person replaces their password, proving they know the current one; this
 * also ends the requirement to replace a temporary password an admin set.
 *
 * Both argon2 calls run with no connection held (see lib/auth/sign-in-with-password.ts).
 * The write then happens only if the stored hash is still the one that was verified, so
 * two changes submitted at once cannot both succeed on the strength of one old password.
 *
 * Every other session of the person ends with it, sockets included: whoever else knew the
 * old password is out. `keepSessionId` is the session the change was made from.
 */
export async function changeOwnPassword(
  actor: Actor,
  input: ChangeOwnPasswordInput,
  options: { keepSessionId?: string } = {},
): Promise<void> {
  if (actor.type !== "user") throw forbidden("Only a signed-in person can change their password");
  assertNotCommonPassword("newPassword", input.newPassword);
  const signedIn = and(eq(users.id, actor.id), eq(users.active, true));

  const [user] = await db().select({ passwordHash: users.passwordHash }).from(users).where(signedIn).limit(1);
  if (!user) throw new AppError("unauthorized", "Please sign in again");
  const verifiedHash = user.passwordHash;
  if (!verifiedHash || !(await verifyPassword(verifiedHash, input.currentPassword))) {
    throw invalidField("currentPassword", "That is not your current password");
  }
  const passwordHash = await hashPassword(input.newPassword);

  await db().transaction(async (tx) => {
    const changed = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false })
      .where(and(signedIn, eq(users.passwordHash, verifiedHash)))
      .returning({ id: users.id });
    if (changed.length === 0) {
      throw new AppError("conflict", "Your password was changed meanwhile: sign in again with the new one");
    }
    await endSessionsOf(tx, actor.id, { except: options.keepSessionId });
  });
  publish({ type: "user.sessions_ended", userId: actor.id, exceptSessionId: options.keepSessionId ?? null });
}
