import { and, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { customerLookups, customers, users } from "@/lib/db/schema";

export type CustomerLookupItem = {
  id: string;
  createdAt: string;
  user: { id: string; name: string; email: string };
  customer: { id: string; name: string | null; email: string | null };
};

/** Position after the last lookup of a page; microseconds kept so no row is skipped or repeated. */
export type LookupCursor = { createdAt: string; id: string };

const cursorTimestamp = sql<string>`to_char(${customerLookups.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Newest first, a page at a time (keyset: the table grows with every lookup). */
export async function listCustomerLookups(
  q: Queryable,
  options: { limit: number; cursor?: LookupCursor | null },
): Promise<{ lookups: CustomerLookupItem[]; nextCursor: LookupCursor | null }> {
  const after = options.cursor
    ? sql`(${customerLookups.createdAt}, ${customerLookups.id}) < (${options.cursor.createdAt}::timestamptz, ${options.cursor.id}::uuid)`
    : undefined;
  const rows = await q
    .select({
      id: customerLookups.id,
      createdAt: customerLookups.createdAt,
      cursorAt: cursorTimestamp,
      user: { id: users.id, name: users.name, email: users.email },
      customer: { id: customers.id, name: customers.name, email: customers.email },
    })
    .from(customerLookups)
    .innerJoin(users, eq(users.id, customerLookups.userId))
    .innerJoin(customers, eq(customers.id, customerLookups.customerId))
    .where(and(after))
    .orderBy(desc(customerLookups.createdAt), desc(customerLookups.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    lookups: page.map(({ cursorAt: _, createdAt, ...row }) => ({ ...row, createdAt: createdAt.toISOString() })),
    nextCursor: rows.length > options.limit && last ? { createdAt: last.cursorAt, id: last.id } : null,
  };
}
