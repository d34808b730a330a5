import { desc, eq, sql } from "drizzle-orm";
import type { KeysetCursor } from "@/lib/api/keyset-cursor";
import type { Queryable } from "@/lib/db/client";
import { microsecondIso } from "@/lib/db/keyset";
import { customerLookups, customers, users } from "@/lib/db/schema";

export type CustomerLookupView = {
  id: string;
  createdAt: string;
  user: { id: string; name: string; email: string };
  customer: { id: string; name: string | null; email: string | null };
};

/** What Settings shows at a time. */
export const customerLookupsPageSize = 25;

/** Who looked which customer up, newest first, a page at a time from `cursor` (keyset: the table only grows). */
export async function listCustomerLookups(
  q: Queryable,
  options: { limit: number; cursor?: KeysetCursor },
): Promise<{ lookups: CustomerLookupView[]; nextCursor: KeysetCursor | null }> {
  const rows = await q
    .select({
      id: customerLookups.id,
      createdAt: customerLookups.createdAt,
      cursorAt: microsecondIso(customerLookups.createdAt),
      user: { id: users.id, name: users.name, email: users.email },
      customer: { id: customers.id, name: customers.name, email: customers.email },
    })
    .from(customerLookups)
    .innerJoin(users, eq(users.id, customerLookups.userId))
    .innerJoin(customers, eq(customers.id, customerLookups.customerId))
    .where(
      options.cursor
        ? sql`(${customerLookups.createdAt}, ${customerLookups.id}) < (${options.cursor.at}::timestamptz, ${options.cursor.id}::uuid)`
        : undefined,
    )
    .orderBy(desc(customerLookups.createdAt), desc(customerLookups.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    lookups: page.map(({ cursorAt: _, createdAt, ...row }) => ({ ...row, createdAt: createdAt.toISOString() })),
    nextCursor: rows.length > options.limit && last ? { at: last.cursorAt, id: last.id } : null,
  };
}
