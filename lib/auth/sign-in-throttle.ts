// The brute-force rules for password sign-in, kept free of I/O so they can be tested on their own.
//
// A guesser is refused per client address: for one email (the pair rule) and across emails
// (password spraying). The owner of an email is never refused because of someone else's
// guesses: when many addresses fail for one email, an address the owner has not signed in
// from lately is slowed down, never locked out, and a familiar address goes straight through.

export const signInThrottle = {
  windowMs: 15 * 60 * 1000,
  /** Failures for one email from one address within the window; then that address waits. */
  maxFailuresPerPair: 10,
  /** Failures from one address for any emails within the window; then that address waits. */
  maxFailuresPerAddress: 100,
  /** Failures for one email from all addresses before unfamiliar addresses are slowed down. */
  slowDownAfter: 10,
  /** Added per failure beyond `slowDownAfter`, up to `maxDelayMs`. */
  delayStepMs: 250,
  maxDelayMs: 10_000,
  /** A successful sign-in makes its address familiar for the email this long. */
  familiarForMs: 30 * 24 * 60 * 60 * 1000,
} as const;

export type AttemptRecord = { succeeded: boolean; createdAt: Date; address: string };

export type SignInHistory = {
  /** This email's attempts within the window, from every address. */
  emailAttempts: readonly AttemptRecord[];
  /** When this address failed within the window, for any email. */
  addressFailures: readonly Date[];
  /** Whether this address signed in to this email successfully within `familiarForMs`. */
  familiarAddress: boolean;
};

export type ThrottleDecision = { allowed: true; delayMs: number } | { allowed: false; retryAt: Date };

/** Whether one more attempt for an email from an address may be checked, and how long it waits first. */
export function decideSignInAttempt(history: SignInHistory, address: string, now: Date): ThrottleDecision {
  const windowStart = now.getTime() - signInThrottle.windowMs;
  const pairFailures = countedFailures(
    history.emailAttempts.filter((a) => a.address === address),
    windowStart,
  );
  const spraying = history.addressFailures.map((at) => at.getTime()).filter((at) => at > windowStart);
  const retryAt = Math.max(
    retryWhenFull(pairFailures, signInThrottle.maxFailuresPerPair),
    retryWhenFull(spraying, signInThrottle.maxFailuresPerAddress),
  );
  if (retryAt > 0) return { allowed: false, retryAt: new Date(retryAt) };

  if (history.familiarAddress) return { allowed: true, delayMs: 0 };
  const emailFailures = countedFailures(history.emailAttempts, windowStart).length;
  const beyond = emailFailures - signInThrottle.slowDownAfter + 1;
  return { allowed: true, delayMs: beyond > 0 ? Math.min(beyond * signInThrottle.delayStepMs, signInThrottle.maxDelayMs) : 0 };
}

// Failures inside the window and after the last success, oldest first.
function countedFailures(attempts: readonly AttemptRecord[], windowStart: number): number[] {
  const countAfter = Math.max(windowStart, ...attempts.filter((a) => a.succeeded).map((a) => a.createdAt.getTime()));
  return attempts
    .filter((a) => !a.succeeded && a.createdAt.getTime() > countAfter)
    .map((a) => a.createdAt.getTime())
    .sort((a, b) => a - b);
}

// 0 while under the limit; else when enough of the oldest failures have left the window:
// leaving one by one, the failure at this index is the one whose departure brings the count under it.
function retryWhenFull(failureTimes: number[], limit: number): number {
  const sorted = [...failureTimes].sort((a, b) => a - b);
  if (sorted.length < limit) return 0;
  return sorted[sorted.length - limit]! + signInThrottle.windowMs;
}
