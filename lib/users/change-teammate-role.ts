import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { canManageSettings } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError, forbidden } from "@/lib/errors";
import { teammateColumns, type Teammate } from "./list-teammates";
import { leavesNoActiveAdmin, lockTeamForChange } from "./lock-team-for-change";
import type { ChangeTeammateRoleInput } from "./teammate.validation";

/** An admin gives a teammate another role; the workspace always keeps an active admin. */
export async function changeTeammateRole(actor: Actor, input: ChangeTeammateRoleInput): Promise<Teammate> {
  if (!canManageSettings(actor)) throw forbidden("Only admins can change settings");
  return db().transaction(async (tx) => {
    const { target, activeAdminIds } = await lockTeamForChange(tx, actor, input.userId);
    if (leavesNoActiveAdmin(activeAdminIds, target, { role: input.role, active: target.active })) {
      throw new AppError("conflict", "You are the only active admin: make someone else an admin before changing your role");
    }
    const [updated] = await tx
      .update(users)
      .set({ role: input.role })
      .where(eq(users.id, target.id))
      .returning(teammateColumns);
    if (target.role !== input.role) {
      await recordAudit(tx, actor, {
        action: "teammate.role_changed",
        target: { type: "user", id: target.id, name: target.name },
        data: { from: target.role, to: input.role },
      });
    }
    return updated!;
  });
}
