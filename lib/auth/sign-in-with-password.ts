import { setTimeout as sleep } from "node:timers/promises";
import { and, eq, gt, sql } from "drizzle-orm";
import { normalizeEmail } from "@/lib/customers/find-or-create-customer";
import { db, type Queryable } from "@/lib/db/client";
import { signInAttempts, users, type User } from "@/lib/db/schema";
import { hashPassword, verifyPassword } from "./password";
import { decideSignInAttempt, signInThrottle } from "./sign-in-throttle";

export type SignInResult =
  | { outcome: "signed_in"; user: User }
  | { outcome: "wrong_credentials" }
  | { outcome: "throttled"; retryAt: Date };

// Namespaces for the per-email and per-address advisory locks; the two-key form never
// collides with the one-key locks of migrate, setup and the demo seed.
const emailLockNamespace = 7274830;
const addressLockNamespace = 7274832;

// Verified against when no user matches, so that an unknown email costs the same time as a wrong password.
let decoyHash: Promise<string> | undefined;

/**
 * Checks an email and password under the brute-force rules in lib/auth/sign-in-throttle.ts.
 * `address` is the client's, as trusted per TRUST_PROXY (lib/http/client-address.ts).
 * Unknown, inactive and password-less accounts are handled exactly like a wrong password,
 * and a throttled attempt is refused before its password is looked at.
 *
 * The password is checked, and a slowed-down attempt waits, with no connection held: a
 * transaction waiting on either would keep one of the pool's few connections from everyone else.
 */
export async function signInWithPassword(input: { email: string; password: string; address: string }): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const reservation = await reserveAttempt(email, input.address);
  if (reservation.outcome === "throttled") return reservation;
  if (reservation.delayMs > 0) await sleep(reservation.delayMs);
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
  // From here the failures before this attempt stop counting against the email, and the address is familiar.
  await db().update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, reservation.attemptId));
  return { outcome: "signed_in", user };
}

/**
 * Applies the throttle and, if the attempt may go ahead, records it as a failure before the
 * password is looked at. Parallel guesses from one address, or for one email, are serialised
 * by the locks (address first, then email, always in that order) and each sees the
 * reservations of those before it, so no more than the allowed number are checked.
 */
async function reserveAttempt(
  email: string,
  address: string,
): Promise<{ outcome: "reserved"; attemptId: string; delayMs: number } | { outcome: "throttled"; retryAt: Date }> {
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${addressLockNamespace}, hashtext(${address}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(${emailLockNamespace}, hashtext(${email}))`);
    const now = new Date();
    const windowStart = new Date(now.getTime() - signInThrottle.windowMs);
    const emailAttempts = await tx
      .select({ succeeded: signInAttempts.succeeded, createdAt: signInAttempts.createdAt, address: signInAttempts.address })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.email, email), gt(signInAttempts.createdAt, windowStart)));
    const addressFailures = await tx
      .select({ createdAt: signInAttempts.createdAt })
      .from(signInAttempts)
      .where(
        and(eq(signInAttempts.address, address), eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, windowStart)),
      );
    const [familiar] = await tx
      .select({ id: signInAttempts.id })
      .from(signInAttempts)
      .where(
        and(
          eq(signInAttempts.email, email),
          eq(signInAttempts.address, address),
          eq(signInAttempts.succeeded, true),
          gt(signInAttempts.createdAt, new Date(now.getTime() - signInThrottle.familiarForMs)),
        ),
      )
      .limit(1);
    const decision = decideSignInAttempt(
      { emailAttempts, addressFailures: addressFailures.map((a) => a.createdAt), familiarAddress: !!familiar },
      address,
      now,
    );
    // Refusals are not recorded: counting them would let a guesser keep an address refused for good.
    if (!decision.allowed) return { outcome: "throttled", retryAt: decision.retryAt };
    // Counted as a failure until the password turns out right, so an attempt that is still
    // being checked, or whose process dies mid-check, is never a free guess.
    const [attempt] = await tx
      .insert(signInAttempts)
      .values({ email, address, succeeded: false, createdAt: now })
      .returning({ id: signInAttempts.id });
    return { outcome: "reserved", attemptId: attempt!.id, delayMs: decision.delayMs };
  });
}

/**
 * Forgets attempts no rule reads any more: failures after a day, successes (which make an
 * address familiar) after `familiarForMs`. Run by the pruning job.
 */
export async function pruneSignInAttempts(q: Queryable): Promise<number> {
  const pruned = await q
    .delete(signInAttempts)
    .where(
      sql`(not ${signInAttempts.succeeded} and ${signInAttempts.createdAt} < now() - interval '1 day')
        or ${signInAttempts.createdAt} < now() - make_interval(secs => ${signInThrottle.familiarForMs / 1000})`,
    )
    .returning({ id: signInAttempts.id });
  return pruned.length;
}
