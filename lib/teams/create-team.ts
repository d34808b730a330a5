import type { Actor } from "@/lib/auth/actor";
import { canManageWorkspace } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { teams } from "@/lib/db/schema";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError, forbidden } from "@/lib/errors";
import { replaceMembers } from "./replace-members";
import type { CreateTeamInput } from "./team.validation";

/** An admin makes a team, with its first members; the name is unique ignoring case. */
export async function createTeam(actor: Actor, input: CreateTeamInput): Promise<{ id: string; name: string }> {
  if (!canManageWorkspace(actor)) throw forbidden("Only admins can create teams");
  try {
    return await db().transaction(async (tx) => {
      const [team] = await tx.insert(teams).values({ name: input.name }).returning({ id: teams.id, name: teams.name });
      await replaceMembers(tx, team!.id, input.memberIds);
      await recordAudit(tx, actor, {
        action: "team.created",
        target: { type: "team", id: team!.id, name: team!.name },
        data: { members: input.memberIds.length },
      });
      return team!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "teams_name_key")) {
      throw new AppError("validation_failed", "A team with this name exists", [{ path: "name", message: "A team with this name exists" }]);
    }
    throw error;
  }
}
