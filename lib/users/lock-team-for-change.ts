import { and, asc, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { Transaction } from "@/lib/db/client";
import { users, type User, type UserRole } from "@/lib/db/schema";
import { forbidden, notFound } from "@/lib/errors";

export type TeamLock = { target: User; activeAdminIds: string[] };

/**
 * Locks, until the transaction ends, every active admin's row and the teammate about to
 * change. Two admins changing each other at once are serialised here, and the second
 * sees what the first committed: counts of admins stay true until commit.
 */
export async function lockTeamForChange(tx: Transaction, actor: Actor, userId: string): Promise<TeamLock> {
  const activeAdminIds = await lockActiveAdmins(tx, actor);
  const [target] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!target) throw notFound("Teammate");
  return { target, activeAdminIds };
}

/**
 * Locks every active admin's row until the transaction ends and returns their ids, refusing
 * an actor who is not one of them any more. Enough on its own for changes with no teammate
 * to lock, such as adding one: an admin demoted meanwhile is refused here.
 */
export async function lockActiveAdmins(tx: Transaction, actor: Actor): Promise<string[]> {
  // Always in id order, so that concurrent callers cannot deadlock on each other's rows.
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true)))
    .orderBy(asc(users.id))
    .for("update");
  const activeAdminIds = admins.map((admin) => admin.id);
  // The caller's role was checked before the lock; someone may have changed it since.
  if (actor.type !== "user" || !activeAdminIds.includes(actor.id)) throw forbidden("Only admins can change settings");
  return activeAdminIds;
}

/** Whether changing this teammate to `next` would leave nobody able to manage the team. */
export function leavesNoActiveAdmin(
  activeAdminIds: readonly string[],
  target: Pick<User, "id" | "role" | "active">,
  next: { role: UserRole; active: boolean },
): boolean {
  const isActiveAdmin = target.role === "admin" && target.active;
  const staysActiveAdmin = next.role === "admin" && next.active;
  return isActiveAdmin && !staysActiveAdmin && activeAdminIds.every((id) => id === target.id);
}
