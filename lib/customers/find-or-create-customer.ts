import { eq, and, sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { customerIdentities, customers, type Customer } from "@/lib/db/schema";

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
  const existing = await findByEmail(tx, email);
  if (existing) {
    if (!existing.name && input.name) {
      const [updated] = await tx
        .update(customers)
        .set({ name: input.name, updatedAt: sql`now()` })
        .where(eq(customers.id, existing.id))
        .returning();
      return updated ?? existing;
    }
    return existing;
  }

  const [created] = await tx.insert(customers).values({ name: input.name ?? null, email }).returning();
  const claimed = await tx
    .insert(customerIdentities)
    .values({ customerId: created!.id, kind: "email", value: email })
    .onConflictDoNothing()
    .returning();
  if (claimed.length > 0) return created!;

  // Someone else claimed the address between our read and our insert.
  await tx.delete(customers).where(eq(customers.id, created!.id));
  return (await findByEmail(tx, email))!;
}

async function findByEmail(tx: Transaction, email: string): Promise<Customer | undefined> {
  const [row] = await tx
    .select({ customer: customers })
    .from(customerIdentities)
    .innerJoin(customers, eq(customers.id, customerIdentities.customerId))
    .where(and(eq(customerIdentities.kind, "email"), eq(customerIdentities.value, email)))
    .limit(1);
  return row?.customer;
}
