import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { teamMembers, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/** Makes a team's members exactly `memberIds`, all of them existing people, inside the caller's transaction. */
export async function replaceMembers(tx: Transaction, teamId: string, memberIds: string[]): Promise<void> {
  const ids = [...new Set(memberIds)];
  if (ids.length > 0) {
    const found = await tx.select({ id: users.id }).from(users).where(inArray(users.id, ids));
    if (found.length !== ids.length) {
      throw new AppError("validation_failed", "Someone in the list is not a teammate", [
        { path: "memberIds", message: "Not a teammate" },
      ]);
    }
  }
  await tx
    .delete(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), ...(ids.length > 0 ? [notInArray(teamMembers.userId, ids)] : [])));
  if (ids.length > 0) {
    await tx
      .insert(teamMembers)
      .values(ids.map((userId) => ({ teamId, userId })))
      .onConflictDoNothing();
  }
}
