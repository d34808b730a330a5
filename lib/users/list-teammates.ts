import { asc, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { users, type UserRole } from "@/lib/db/schema";

export type Teammate = { id: string; name: string; email: string; role: UserRole; active: boolean };

/** The columns a Teammate is made of, for selects and for `returning` after a change. */
export const teammateColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  active: users.active,
};

/** Staff members, active ones first, by name. Pass `activeOnly` for assignee pickers. */
export async function listTeammates(q: Queryable, options: { activeOnly?: boolean } = {}): Promise<Teammate[]> {
  const query = q.select(teammateColumns).from(users).$dynamic();
  if (options.activeOnly) query.where(eq(users.active, true));
  return query.orderBy(desc(users.active), asc(users.name));
}
