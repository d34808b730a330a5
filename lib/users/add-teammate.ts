import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { canManageSettings } from "@/lib/auth/permissions";
import { normalizeEmail } from "@/lib/customers/find-or-create-customer";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { fieldConflict, forbidden } from "@/lib/errors";
import { teammateColumns, type Teammate } from "./list-teammates";
import { lockActiveAdmins } from "./lock-team-for-change";
import type { AddTeammateInput } from "./teammate.validation";
import { generateTemporaryPassword } from "./temporary-password";

/**
 * An admin adds someone to the team with a generated password, returned this once for
 * the admin to pass on; the teammate must choose their own when they first sign in.
 * A taken email is refused by the unique index itself, so two admins adding the same
 * person at once cannot both succeed. The actor is checked again under the team lock, so
 * an admin demoted while the request is in flight adds no one.
 */
export async function addTeammate(
  actor: Actor,
  input: AddTeammateInput,
): Promise<{ teammate: Teammate; temporaryPassword: string }> {
  if (!canManageSettings(actor)) throw forbidden("Only admins can change settings");
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  try {
    const teammate = await db().transaction(async (tx) => {
      await lockActiveAdmins(tx, actor);
      const [created] = await tx
        .insert(users)
        .values({
          name: input.name,
          email: normalizeEmail(input.email),
          role: input.role,
          passwordHash,
          mustChangePassword: true,
        })
        .returning(teammateColumns);
      await recordAudit(tx, actor, {
        action: "teammate.added",
        target: { type: "user", id: created!.id, name: created!.name },
        data: { email: created!.email, role: created!.role },
      });
      return created!;
    });
    return { teammate, temporaryPassword };
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) {
      throw fieldConflict("email", "Someone on the team already uses this email");
    }
    throw error;
  }
}
