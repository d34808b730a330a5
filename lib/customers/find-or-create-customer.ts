import { eq, and, sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { customerIdentities, customers, type Customer } from "@/lib/db/schema";
import { lockIdentities } from "./identity-locks";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Finds the customer who owns this email address, or creates one. Safe under concurrency:
 * two requests for a new address race on the identity's unique index and both end with
 * the same customer.
 */
export async function findOrCreateCustomerByEmail(
  tx: Transaction,
  input: { email: string; name?: string | null },
): Promise<Customer> {
  const email = normalizeEmail(input.email);
  return findOrCreateCustomerByIdentity(tx, { kind: "email", value: email }, { name: input.name ?? null, email });
}

/** The same for a phone number, already in E.164 (lib/customers/phone-number.ts). */
export async function findOrCreateCustomerByPhone(
  tx: Transaction,
  input: { phone: string; name?: string | null },
): Promise<Customer> {
  return findOrCreateCustomerByIdentity(
    tx,
    { kind: "phone", value: input.phone },
    { name: input.name ?? null, phone: input.phone },
  );
}

type Identity = { kind: "email" | "phone"; value: string };

async function findOrCreateCustomerByIdentity(
  tx: Transaction,
  identity: Identity,
  fields: { name: string | null; email?: string; phone?: string },
): Promise<Customer> {
  // The same lock identity resolution takes (lib/timeline/ingest-segment-calls.ts). Both
  // statements go out together: the read runs after the lock on this connection, without
  // a round trip in between.
  const [, existing] = await Promise.all([lockIdentities(tx, [identity]), findByIdentity(tx, identity)]);
  if (existing) {
    if (!existing.name && fields.name) {
      const [updated] = await tx
        .update(customers)
        .set({ name: fields.name, updatedAt: sql`now()` })
        .where(eq(customers.id, existing.id))
        .returning();
      return updated ?? existing;
    }
    return existing;
  }

  const [created] = await tx.insert(customers).values(fields).returning();
  const claimed = await tx
    .insert(customerIdentities)
    .values({ customerId: created!.id, ...identity })
    .onConflictDoNothing()
    .returning();
  if (claimed.length > 0) return created!;

  // Someone else claimed the identity between our read and our insert.
  await tx.delete(customers).where(eq(customers.id, created!.id));
  return (await findByIdentity(tx, identity))!;
}

async function findByIdentity(tx: Transaction, identity: Identity): Promise<Customer | undefined> {
  const [row] = await tx
    .select({ customer: customers })
    .from(customerIdentities)
    .innerJoin(customers, eq(customers.id, customerIdentities.customerId))
    .where(and(eq(customerIdentities.kind, identity.kind), eq(customerIdentities.value, identity.value)))
    .limit(1);
  return row?.customer;
}
