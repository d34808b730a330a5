import type { Actor } from "@/lib/auth/actor";
import type { Queryable } from "@/lib/db/client";
import { customerLookups } from "@/lib/db/schema";

/**
 * Notes that a member of the `staff` role opened a customer's record. Staff are every
 * employee, not only support, so their reading of customer data is what admins audit;
 * agents and admins open customers all day as their work and are not recorded.
 */
export async function recordCustomerLookup(q: Queryable, actor: Actor, customerId: string): Promise<void> {
  if (actor.type !== "user" || actor.role !== "staff") return;
  await q.insert(customerLookups).values({ userId: actor.id, customerId });
}
