import { count, sql } from "drizzle-orm";
import { assertNotCommonPassword } from "@/lib/auth/common-passwords";
import { hashPassword } from "@/lib/auth/password";
import { normalizeEmail } from "@/lib/customers/find-or-create-customer";
import { db } from "@/lib/db/client";
import { users, type User } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { FirstAdminInput } from "./first-admin.validation";
import { hasAnyUser } from "./has-any-user";

const alreadySetUp = () => new AppError("conflict", "Touchbase is already set up: sign in instead");

// Shared with nothing else: serialises concurrent setup attempts on an empty database.
const setupLockKey = 7274831;

/**
 * Creates the workspace's first admin. Only possible while there are no users at all:
 * the advisory lock and the count run in one transaction, so two people submitting the
 * setup form at once cannot both become admin.
 */
export async function createFirstAdmin(input: FirstAdminInput): Promise<User> {
  // Anyone may call the setup action: refuse cheaply before the deliberately slow hash.
  if (await hasAnyUser(db())) throw alreadySetUp();
  assertNotCommonPassword("password", input.password);
  const passwordHash = await hashPassword(input.password);
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${setupLockKey})`);
    const [row] = await tx.select({ value: count() }).from(users);
    if ((row?.value ?? 0) > 0) throw alreadySetUp();
    const [admin] = await tx
      .insert(users)
      .values({ name: input.name, email: normalizeEmail(input.email), role: "admin", passwordHash })
      .returning();
    return admin!;
  });
}
