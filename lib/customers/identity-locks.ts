import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import type { IdentityKind } from "@/lib/db/schema";

export type IdentityKey = { kind: IdentityKind; value: string };

export const identityKeyString = (key: IdentityKey) => `${key.kind}:${key.value}`;

/**
 * Serialises everyone who may create or move these identities until the transaction
 * ends, so that two requests naming a new email at once make one customer, not two.
 * Taken in one statement, in hash order: two transactions never wait on each other in a
 * circle.
 */
export async function lockIdentities(tx: Transaction, keys: IdentityKey[]): Promise<void> {
  const unique = [...new Set(keys.map(identityKeyString))];
  if (unique.length === 0) return;
  await tx.execute(sql`
    select pg_advisory_xact_lock(h)
    from (select distinct hashtextextended(k, 0) as h from unnest(${sql.param(unique)}::text[]) as k order by h) as locks`);
}
