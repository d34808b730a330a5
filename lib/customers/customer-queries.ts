import { and, asc, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { companies, customerIdentities, customers, type IdentityKind, type Traits } from "@/lib/db/schema";

// Data access only: callers pass the customer they may read; nothing here reads a session.

export type CustomerProfile = {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  traits: Traits;
  company: { id: string; name: string | null; domain: string | null; groupId: string | null } | null;
  identities: { kind: IdentityKind; value: string; createdAt: string }[];
  /** Set when this customer was merged into another: read that one instead. */
  mergedIntoId: string | null;
  createdAt: string;
  updatedAt: string;
};

export async function findCustomerProfile(q: Queryable, customerId: string): Promise<CustomerProfile | null> {
  const [row] = await q
    .select({
      customer: customers,
      company: { id: companies.id, name: companies.name, domain: companies.domain, groupId: companies.groupId },
    })
    .from(customers)
    .leftJoin(companies, eq(companies.id, customers.companyId))
    .where(eq(customers.id, customerId))
    .limit(1);
  if (!row) return null;
  const identities = await q
    .select({ kind: customerIdentities.kind, value: customerIdentities.value, createdAt: customerIdentities.createdAt })
    .from(customerIdentities)
    .where(eq(customerIdentities.customerId, customerId))
    .orderBy(asc(customerIdentities.kind), asc(customerIdentities.createdAt));
  const { customer } = row;
  return {
    id: customer.id,
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    traits: customer.traits,
    company: row.company,
    identities: identities.map((identity) => ({ ...identity, createdAt: identity.createdAt.toISOString() })),
    mergedIntoId: customer.mergedIntoId,
    createdAt: customer.createdAt.toISOString(),
    updatedAt: customer.updatedAt.toISOString(),
  };
}

export async function customerExists(q: Queryable, customerId: string): Promise<boolean> {
  const [row] = await q.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).limit(1);
  return Boolean(row);
}

/** The number to call a customer on: their phone, else the number of their phone identity (a caller's number). */
export async function findCustomerPhone(q: Queryable, customerId: string): Promise<string | null> {
  const [row] = await q
    .select({ phone: customers.phone })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (row?.phone) return row.phone;
  const [identity] = await q
    .select({ value: customerIdentities.value })
    .from(customerIdentities)
    .where(and(eq(customerIdentities.customerId, customerId), eq(customerIdentities.kind, "phone")))
    .orderBy(desc(customerIdentities.createdAt))
    .limit(1);
  return identity?.value ?? null;
}
