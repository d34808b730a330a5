import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { canManageSettings } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { forbidden } from "@/lib/errors";
import { teammateColumns, type Teammate } from "./list-teammates";
import { lockTeamForChange } from "./lock-team-for-change";

/** An admin lets a deactivated teammate sign in again, with the password they had. */
export async function reactivateTeammate(actor: Actor, userId: string): Promise<Teammate> {
  if (!canManageSettings(actor)) throw forbidden("Only admins can change settings");
  return db().transaction(async (tx) => {
    const { target } = await lockTeamForChange(tx, actor, userId);
    const [updated] = await tx
      .update(users)
      .set({ active: true })
      .where(eq(users.id, target.id))
      .returning(teammateColumns);
    if (!target.active) {
      await recordAudit(tx, actor, { action: "teammate.reactivated", target: { type: "user", id: target.id, name: target.name } });
    }
    return updated!;
  });
}
