import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { canManageSettings } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError, forbidden } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import { teammateColumns, type Teammate } from "./list-teammates";
import { leavesNoActiveAdmin, lockTeamForChange } from "./lock-team-for-change";

/**
 * An admin deactivates a teammate. Sign-in, pages, actions and the realtime socket all
 * load the active user on every request, and the realtime listener closes the sockets
 * the teammate already has, so an open session stops working at once.
 */
export async function deactivateTeammate(actor: Actor, userId: string): Promise<Teammate> {
  if (!canManageSettings(actor)) throw forbidden("Only admins can change settings");
  const deactivated = await db().transaction(async (tx) => {
    const { target, activeAdminIds } = await lockTeamForChange(tx, actor, userId);
    if (leavesNoActiveAdmin(activeAdminIds, target, { role: target.role, active: false })) {
      throw new AppError("conflict", "You are the only active admin: make someone else an admin before deactivating yourself");
    }
    const [updated] = await tx
      .update(users)
      .set({ active: false })
      .where(eq(users.id, target.id))
      .returning(teammateColumns);
    return updated!;
  });
  publish({ type: "user.deactivated", userId: deactivated.id });
  return deactivated;
}
