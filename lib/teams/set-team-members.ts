import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { canManageWorkspace } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { teamMembers, teams } from "@/lib/db/schema";
import { forbidden, notFound } from "@/lib/errors";
import { replaceMembers } from "./replace-members";
import type { SetTeamMembersInput } from "./team.validation";

/** An admin puts people in a team and takes them out: the list given becomes its members. */
export async function setTeamMembers(actor: Actor, input: SetTeamMembersInput): Promise<void> {
  if (!canManageWorkspace(actor)) throw forbidden("Only admins can change teams");
  await db().transaction(async (tx) => {
    const [team] = await tx.select().from(teams).where(eq(teams.id, input.teamId)).for("update");
    if (!team) throw notFound("Team");
    const before = (await tx.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, team.id))).map(
      (row) => row.userId,
    );
    await replaceMembers(tx, team.id, input.memberIds);
    const added = input.memberIds.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !input.memberIds.includes(id));
    if (added.length > 0 || removed.length > 0) {
      await recordAudit(tx, actor, {
        action: "team.members_changed",
        target: { type: "team", id: team.id, name: team.name },
        data: { added, removed },
      });
    }
  });
}
