import { and, asc, count, eq, inArray, isNull, or } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { db, type Queryable } from "@/lib/db/client";
import { savedViews, teamMembers, teams } from "@/lib/db/schema";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { maxSavedViewsPerPerson, type CreateSavedViewInput, type SavedViewFilters } from "./saved-view.validation";

export type SavedViewSummary = {
  id: string;
  name: string;
  filters: SavedViewFilters;
  ownerId: string;
  team: { id: string; name: string } | null;
};

/**
 * The views someone may see: their own private ones and those shared with a team they are
 * in. A view shared with a team is visible to nobody else (not even admins outside it).
 */
export async function listSavedViews(q: Queryable, userId: string): Promise<SavedViewSummary[]> {
  const myTeams = q.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId));
  const rows = await q
    .select({
      id: savedViews.id,
      name: savedViews.name,
      filters: savedViews.filters,
      ownerId: savedViews.ownerId,
      teamId: teams.id,
      teamName: teams.name,
    })
    .from(savedViews)
    .leftJoin(teams, eq(teams.id, savedViews.teamId))
    .where(or(and(eq(savedViews.ownerId, userId), isNull(savedViews.teamId)), inArray(savedViews.teamId, myTeams)))
    .orderBy(asc(savedViews.name), asc(savedViews.id));
  return rows.map(({ teamId, teamName, ...view }) => ({
    ...view,
    filters: view.filters as SavedViewFilters,
    team: teamId && teamName ? { id: teamId, name: teamName } : null,
  }));
}

/** Saves a view for its owner alone, or shares it with a team the owner belongs to. */
export async function createSavedView(actor: Actor, input: CreateSavedViewInput): Promise<SavedViewSummary> {
  if (actor.type !== "user") throw forbidden("Views belong to people");
  return db().transaction(async (tx) => {
    if (input.teamId) {
      const [membership] = await tx
        .select({ teamId: teamMembers.teamId })
        .from(teamMembers)
        .where(and(eq(teamMembers.teamId, input.teamId), eq(teamMembers.userId, actor.id)));
      if (!membership) {
        throw new AppError("validation_failed", "You can share a view only with a team you are in", [
          { path: "teamId", message: "Not one of your teams" },
        ]);
      }
    }
    const [{ value: owned }] = (await tx.select({ value: count() }).from(savedViews).where(eq(savedViews.ownerId, actor.id))) as [
      { value: number },
    ];
    if (owned >= maxSavedViewsPerPerson) {
      throw new AppError("conflict", `You have ${maxSavedViewsPerPerson} saved views; delete one first`);
    }
    const [view] = await tx
      .insert(savedViews)
      .values({ name: input.name, ownerId: actor.id, teamId: input.teamId, filters: input.filters })
      .returning();
    const [team] = input.teamId ? await tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, input.teamId)) : [];
    return { id: view!.id, name: view!.name, filters: input.filters, ownerId: actor.id, team: team ?? null };
  });
}

/** Only the person who saved a view deletes it. */
export async function deleteSavedView(actor: Actor, viewId: string): Promise<void> {
  if (actor.type !== "user") throw forbidden("Views belong to people");
  const deleted = await db()
    .delete(savedViews)
    .where(and(eq(savedViews.id, viewId), eq(savedViews.ownerId, actor.id)))
    .returning({ id: savedViews.id });
  if (deleted.length === 0) throw notFound("View");
}
