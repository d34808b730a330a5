import { and, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/lib/db/client";
import { customerMerges, customers, users, type MergeReason } from "@/lib/db/schema";

// Data access only: callers pass the customer they may read.

export type CustomerMergeSummary = {
  id: string;
  reason: MergeReason;
  merged: { id: string; name: string | null; email: string | null };
  /** The teammate who merged by hand; null for a merge an identify or alias call proved. */
  mergedBy: string | null;
  createdAt: string;
};

/** The merges into this customer that are still in effect, newest first: what "Undo merge" can undo. */
export async function listCustomerMerges(q: Queryable, survivorId: string, limit = 20): Promise<CustomerMergeSummary[]> {
  const merged = alias(customers, "merged");
  const rows = await q
    .select({
      id: customerMerges.id,
      reason: customerMerges.reason,
      createdAt: customerMerges.createdAt,
      mergedId: customerMerges.mergedId,
      mergedBefore: customerMerges.mergedBefore,
      actor: users.name,
    })
    .from(customerMerges)
    .innerJoin(merged, eq(merged.id, customerMerges.mergedId))
    .leftJoin(users, eq(users.id, customerMerges.actorUserId))
    .where(and(eq(customerMerges.survivorId, survivorId), isNull(customerMerges.unmergedAt), eq(merged.mergedIntoId, survivorId)))
    .orderBy(desc(customerMerges.createdAt))
    .limit(limit);
  return rows.map((row) => ({
    id: row.id,
    reason: row.reason,
    merged: { id: row.mergedId, name: row.mergedBefore.name, email: row.mergedBefore.email },
    mergedBy: row.actor,
    createdAt: row.createdAt.toISOString(),
  }));
}
