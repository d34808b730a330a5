import { and, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { canManageSettings } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError, forbidden, invalidField } from "@/lib/errors";

/**
 * An admin asking to see or replace a channel's secret signs for it again: a session left
 * open on a shared screen must not be enough. Their password, or for someone who signs in
 * only through the company (no password here), the channel's name typed out. The argon2
 * check runs with no connection held.
 */
export async function confirmSecretAccess(actor: Actor, confirmation: string, channelName: string): Promise<void> {
  if (actor.type !== "user" || !canManageSettings(actor)) throw forbidden("Only admins see or replace a channel's secrets");
  const [user] = await db()
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, actor.id), eq(users.active, true)))
    .limit(1);
  if (!user) throw new AppError("unauthorized", "Please sign in again");
  if (user.passwordHash) {
    if (!(await verifyPassword(user.passwordHash, confirmation))) throw invalidField("confirmation", "That is not your password");
  } else if (confirmation.trim() !== channelName) {
    throw invalidField("confirmation", "Type the channel's name exactly as it is shown");
  }
}
