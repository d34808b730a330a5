import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import { normalizeEmail } from "@/lib/customers/find-or-create-customer";
import { db } from "@/lib/db/client";
import { signInAttempts, users, type User } from "@/lib/db/schema";
import { hashPassword, verifyPassword } from "./password";
import { decideSignInAttempt, signInThrottle } from "./sign-in-throttle";

export type SignInResult =
  | { outcome: "signed_in"; user: User }
  | { outcome: "wrong_credentials" }
  | { outcome: "throttled"; retryAt: Date };

const attemptsKeptMs = 24 * 60 * 60 * 1000;
// Namespace for the per-email advisory lock; the two-key form never collides with the
// one-key locks of migrate, setup and the demo seed.
const signInLockNamespace = 7274830;

// Verified against when no user matches, so that an unknown email costs the same time as a wrong password.
let decoyHash: Promise<string> | undefined;

/**
 * Checks an email and password under the brute-force rule in lib/auth/sign-in-throttle.ts.
 * Unknown, inactive and password-less accounts are handled exactly like a wrong password,
 * and a throttled email is refused before its password is looked at.
 *
 * The password is checked with no connection held: argon2 is slow, and a transaction
 * waiting on it would keep one of the pool's few connections from everyone else.
 */
export async function signInWithPassword(input: { email: string; password: string }): Promise<SignInResult> {
  const email = normalizeEmail(input.email);

  const reservation = await reserveAttempt(email);
  if (reservation.outcome === "throttled") return reservation;

  const [user] = await db()
    .select()
    .from(users)
    .where(and(eq(users.email, email), eq(users.active, true)))
    .limit(1);
  const matches = await verifyPassword(
    user?.passwordHash ?? (await (decoyHash ??= hashPassword("decoy password"))),
    input.password,
  );
  if (!user?.passwordHash || !matches) return { outcome: "wrong_credentials" };

  // From here the failures before this attempt stop counting against the email.
  await db().update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, reservation.attemptId));
  return { outcome: "signed_in", user };
}

/**
 * Applies the throttle and, if the attempt may go ahead, records it as a failure before the
 * password is looked at. Parallel guesses for one email are serialised by the lock and each
 * sees the reservations of those before it, so no more than the allowed number are checked.
 */
async function reserveAttempt(
  email: string,
): Promise<{ outcome: "reserved"; attemptId: string } | { outcome: "throttled"; retryAt: Date }> {
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${signInLockNamespace}, hashtext(${email}))`);
    const now = new Date();

    const recent = await tx
      .select({ succeeded: signInAttempts.succeeded, createdAt: signInAttempts.createdAt })
      .from(signInAttempts)
      .where(
        and(
          eq(signInAttempts.email, email),
          gt(signInAttempts.createdAt, new Date(now.getTime() - signInThrottle.windowMs)),
        ),
      )
      .orderBy(asc(signInAttempts.createdAt));
    const decision = decideSignInAttempt(recent, now);
    // Refusals are not recorded: counting them would let an attacker keep the owner locked out for good.
    if (!decision.allowed) return { outcome: "throttled", retryAt: decision.retryAt };

    await tx
      .delete(signInAttempts)
      .where(
        and(eq(signInAttempts.email, email), lt(signInAttempts.createdAt, new Date(now.getTime() - attemptsKeptMs))),
      );
    // Counted as a failure until the password turns out right, so an attempt that is still
    // being checked, or whose process dies mid-check, is never a free guess.
    const [attempt] = await tx
      .insert(signInAttempts)
      .values({ email, succeeded: false, createdAt: now })
      .returning({ id: signInAttempts.id });
    return { outcome: "reserved", attemptId: attempt!.id };
  });
}
