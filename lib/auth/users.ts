import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { users, type User } from "@/lib/db/schema";
import { normalizeEmail } from "@/lib/customers/find-or-create-customer";
import { verifyPassword } from "./password";
import type { Actor } from "./actor";

export async function findActiveUser(q: Queryable, id: string): Promise<User | null> {
  const [user] = await q
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)))
    .limit(1);
  return user ?? null;
}

/** The user these credentials belong to, or null; the same answer for every failure. */
export async function authenticateWithPassword(q: Queryable, email: string, password: string): Promise<User | null> {
  const [user] = await q
    .select()
    .from(users)
    .where(and(eq(users.email, normalizeEmail(email)), eq(users.active, true)))
    .limit(1);
  if (!user?.passwordHash) return null;
  return (await verifyPassword(user.passwordHash, password)) ? user : null;
}

export function userActor(user: Pick<User, "id" | "role" | "name">): Actor {
  return { type: "user", id: user.id, role: user.role, name: user.name };
}
