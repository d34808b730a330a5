import { isDeepStrictEqual } from "node:util";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { canReadCustomers } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { customerMerges, customers, type Customer, type CustomerSnapshot, type Traits } from "@/lib/db/schema";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import { displayName, lockCustomers, type MergeResult } from "./merge-customers";

/**
 * Undoes a merge from its record: the merged customer comes back with its traits, and
 * the touchpoints, tickets and identities that moved go back to it — as do touchpoints
 * that arrived since under the identities it gets back. The survivor keeps what it had
 * and loses only the values that came from the other customer.
 */
export async function unmergeCustomers(actor: Actor, mergeId: string): Promise<MergeResult> {
  if (!canReadCustomers(actor)) throw forbidden();
  const result = await db().transaction(async (tx) => {
    const [merge] = await tx.select().from(customerMerges).where(eq(customerMerges.id, mergeId)).for("update");
    if (!merge) throw notFound("Merge");
    if (merge.unmergedAt) throw new AppError("conflict", "This merge was already undone");
    const [survivor, merged] = await lockCustomers(tx, merge.survivorId, merge.mergedId);
    if (!survivor || !merged) throw notFound("Customer");
    if (survivor.mergedIntoId) {
      throw new AppError("conflict", "The surviving customer was merged again since; undo that merge first");
    }
    if (merged.mergedIntoId !== survivor.id) throw new AppError("conflict", "These customers are no longer merged");

    const back = (table: SQL, ids: string[]) =>
      tx.execute(sql`update ${table} set customer_id = ${merged.id}::uuid
        where customer_id = ${survivor.id}::uuid and id = any(${sql.param(ids)}::uuid[])`);
    await back(sql`customer_identities`, merge.movedIdentityIds);
    await back(sql`tickets`, merge.movedTicketIds);
    await back(sql`touchpoints`, merge.movedTouchpointIds);
    await tx.execute(sql`
      update touchpoints set customer_id = ${merged.id}::uuid
      where customer_id = ${survivor.id}::uuid and received_at >= ${merge.createdAt.toISOString()}::timestamptz
        and (user_id in (select value from customer_identities where customer_id = ${merged.id}::uuid and kind = 'external_id')
          or anonymous_id in (select value from customer_identities where customer_id = ${merged.id}::uuid and kind = 'anonymous_id'))`);

    await tx
      .update(customers)
      .set({ ...restoredSurvivor(survivor, merge.survivorBefore, merge.mergedBefore), updatedAt: sql`now()` })
      .where(eq(customers.id, survivor.id));
    await tx
      .update(customers)
      .set({ ...merge.mergedBefore, mergedIntoId: null, updatedAt: sql`now()` })
      .where(eq(customers.id, merged.id));
    await tx
      .update(customerMerges)
      .set({ unmergedAt: sql`now()`, unmergedByUserId: actor.type === "user" ? actor.id : null })
      .where(and(eq(customerMerges.id, merge.id)));
    await recordAudit(tx, actor, {
      action: "customer.unmerged",
      target: { type: "customer", id: survivor.id, name: displayName(survivor) },
      data: { mergeId: merge.id, merged: { id: merged.id, name: displayName({ ...merged, ...merge.mergedBefore }) } },
    });
    return { mergeId: merge.id, survivorId: survivor.id, mergedId: merged.id };
  });
  publish({ type: "customer.unmerged", survivorId: result.survivorId, mergedId: result.mergedId });
  return result;
}

/** The survivor's current values, less those that came from the merged customer. */
function restoredSurvivor(current: Customer, before: CustomerSnapshot, mergedBefore: CustomerSnapshot): CustomerSnapshot {
  const fromMerged = <K extends keyof CustomerSnapshot>(key: K) =>
    current[key] !== before[key] && isDeepStrictEqual(current[key], mergedBefore[key]);
  const traits: Traits = {};
  for (const [key, value] of Object.entries(current.traits)) {
    const cameWithMerge = !(key in before.traits) && isDeepStrictEqual(value, mergedBefore.traits[key]);
    if (!cameWithMerge) traits[key] = before.traits[key] !== undefined && isDeepStrictEqual(value, mergedBefore.traits[key]) ? before.traits[key] : value;
  }
  return {
    name: fromMerged("name") ? before.name : current.name,
    email: fromMerged("email") ? before.email : current.email,
    phone: fromMerged("phone") ? before.phone : current.phone,
    companyId: fromMerged("companyId") ? before.companyId : current.companyId,
    traits,
  };
}
