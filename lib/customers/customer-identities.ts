import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { customerIdentities, customers, type Customer } from "@/lib/db/schema";

type IdentityKind = (typeof customerIdentities.$inferSelect)["kind"];

export async function findCustomerByIdentity(tx: Transaction, kind: IdentityKind, value: string): Promise<Customer | undefined> {
  const [row] = await tx
    .select({ customer: customers })
    .from(customerIdentities)
    .innerJoin(customers, eq(customers.id, customerIdentities.customerId))
    .where(and(eq(customerIdentities.kind, kind), eq(customerIdentities.value, value)))
    .limit(1);
  return row?.customer;
}

/** Links an identity to a customer; false when it already belongs to someone (the unique index decides). */
export async function claimIdentity(tx: Transaction, customerId: string, kind: IdentityKind, value: string): Promise<boolean> {
  const claimed = await tx.insert(customerIdentities).values({ customerId, kind, value }).onConflictDoNothing().returning({ id: customerIdentities.id });
  return claimed.length > 0;
}
