import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

/** False only on a brand-new workspace, which is sent to the setup page. */
export async function hasAnyUser(q: Queryable): Promise<boolean> {
  const rows = await q.select({ one: sql<number>`1` }).from(users).limit(1);
  return rows.length > 0;
}
