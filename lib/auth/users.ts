import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { users, type User } from "@/lib/db/schema";
import type { Actor } from "./actor";

export async function findActiveUser(q: Queryable, id: string): Promise<User | null> {
  const [user] = await q
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)))
    .limit(1);
  return user ?? null;
}

export function userActor(user: Pick<User, "id" | "role" | "name">): Actor {
  return { type: "user", id: user.id, role: user.role, name: user.name };
}
