import { asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { teamMembers, teams, users } from "@/lib/db/schema";

export type TeamView = { id: string; name: string; members: { id: string; name: string }[]; createdAt: string };

/** Every team by name, with its members by name (deactivated people stay listed until removed). */
export async function listTeams(q: Queryable): Promise<TeamView[]> {
  const rows = await q
    .select({
      id: teams.id,
      name: teams.name,
      createdAt: teams.createdAt,
      members: sql<{ id: string; name: string }[]>`coalesce(
        jsonb_agg(jsonb_build_object('id', ${users.id}, 'name', ${users.name}) order by ${users.name})
          filter (where ${users.id} is not null), '[]'::jsonb)`,
    })
    .from(teams)
    .leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .leftJoin(users, eq(users.id, teamMembers.userId))
    .groupBy(teams.id)
    .orderBy(asc(sql`lower(${teams.name})`));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** The ids of the teams someone belongs to: what their shared views and team views depend on. */
export async function teamIdsOf(q: Queryable, userId: string): Promise<string[]> {
  const rows = await q.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId));
  return rows.map((row) => row.teamId);
}
