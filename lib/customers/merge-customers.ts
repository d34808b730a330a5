import { asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Actor, AuditActor } from "@/lib/auth/actor";
import { actorColumns } from "@/lib/auth/actor";
import { canReadCustomers } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Transaction } from "@/lib/db/client";
import { customerMerges, customers, type Customer, type CustomerSnapshot, type MergeReason, type Traits } from "@/lib/db/schema";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";

export type MergeResult = { mergeId: string; survivorId: string; mergedId: string };

/**
 * Staff merge two customers who are one person, choosing the survivor: the other's
 * touchpoints, tickets and identities move to it, traits combine, and the merge is
 * recorded so that it can be undone (unmerge-customers.ts).
 */
export async function mergeCustomers(actor: Actor, input: { survivorId: string; mergedId: string }): Promise<MergeResult> {
  if (!canReadCustomers(actor)) throw forbidden();
  if (input.survivorId === input.mergedId) throw new AppError("conflict", "A customer cannot be merged into itself");
  const result = await db().transaction((tx) => mergeCustomersInTransaction(tx, actor, { ...input, reason: "manual" }));
  publish({ type: "customer.merged", survivorId: result.survivorId, mergedId: result.mergedId });
  return result;
}

/**
 * The merge itself, inside the caller's transaction (identity resolution merges while it
 * ingests). Conflicting traits: the customer updated most recently wins, key by key,
 * except where its value is null; name, email, phone and company the same way.
 */
export async function mergeCustomersInTransaction(
  tx: Transaction,
  actor: AuditActor,
  input: { survivorId: string; mergedId: string; reason: MergeReason },
): Promise<MergeResult> {
  const [survivor, merged] = await lockCustomers(tx, input.survivorId, input.mergedId);
  if (!survivor || !merged) throw notFound("Customer");
  if (survivor.mergedIntoId || merged.mergedIntoId) {
    throw new AppError("conflict", "One of these customers was already merged into another");
  }

  const movedTouchpointIds = await moveRows(tx, sql`touchpoints`, merged.id, survivor.id);
  const movedTicketIds = await moveRows(tx, sql`tickets`, merged.id, survivor.id);
  const movedIdentityIds = await moveRows(tx, sql`customer_identities`, merged.id, survivor.id);

  const [newer, older] = survivor.updatedAt >= merged.updatedAt ? [survivor, merged] : [merged, survivor];
  await tx
    .update(customers)
    .set({
      name: newer.name ?? older.name,
      email: newer.email ?? older.email,
      phone: newer.phone ?? older.phone,
      companyId: newer.companyId ?? older.companyId,
      traits: { ...withoutNulls(older.traits), ...withoutNulls(newer.traits) },
      updatedAt: sql`now()`,
    })
    .where(eq(customers.id, survivor.id));
  await tx.update(customers).set({ mergedIntoId: survivor.id, updatedAt: sql`now()` }).where(eq(customers.id, merged.id));

  const [record] = await tx
    .insert(customerMerges)
    .values({
      survivorId: survivor.id,
      mergedId: merged.id,
      reason: input.reason,
      ...actorColumns(actor),
      movedTouchpointIds,
      movedTicketIds,
      movedIdentityIds,
      survivorBefore: snapshot(survivor),
      mergedBefore: snapshot(merged),
    })
    .returning({ id: customerMerges.id });
  await recordAudit(tx, actor, {
    action: "customer.merged",
    target: { type: "customer", id: survivor.id, name: displayName(survivor) },
    data: {
      mergeId: record!.id,
      reason: input.reason,
      merged: { id: merged.id, name: displayName(merged) },
      moved: { touchpoints: movedTouchpointIds.length, tickets: movedTicketIds.length, identities: movedIdentityIds.length },
    },
  });
  return { mergeId: record!.id, survivorId: survivor.id, mergedId: merged.id };
}

/** Both customers locked in id order (so two merges of the same pair cannot deadlock), returned in argument order. */
export async function lockCustomers(tx: Transaction, firstId: string, secondId: string): Promise<(Customer | undefined)[]> {
  const rows = await tx
    .select()
    .from(customers)
    .where(inArray(customers.id, [firstId, secondId]))
    .orderBy(asc(customers.id))
    .for("update");
  return [rows.find((row) => row.id === firstId), rows.find((row) => row.id === secondId)];
}

async function moveRows(tx: Transaction, table: SQL, fromId: string, toId: string): Promise<string[]> {
  const [row] = await tx.execute<{ ids: string[] }>(sql`
    with moved as (update ${table} set customer_id = ${toId}::uuid where customer_id = ${fromId}::uuid returning id)
    select coalesce(array_agg(id), '{}')::text[] as ids from moved`);
  return row?.ids ?? [];
}

export function snapshot(customer: Customer): CustomerSnapshot {
  return {
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    traits: customer.traits,
    companyId: customer.companyId,
  };
}

function withoutNulls(traits: Traits): Traits {
  return Object.fromEntries(Object.entries(traits).filter(([, value]) => value !== null && value !== undefined));
}

export function displayName(customer: Pick<Customer, "name" | "email" | "id">): string {
  return customer.name ?? customer.email ?? `Customer ${customer.id.slice(0, 8)}`;
}
