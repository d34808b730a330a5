// The brute-force rule for password sign-in, kept free of I/O so it can be tested on its own.

export const signInThrottle = { maxFailures: 10, windowMs: 15 * 60 * 1000 } as const;


export type AttemptRecord = { succeeded: boolean; createdAt: Date };

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAt: Date };

/**
 * Whether one more attempt for an email may be checked, given that email's earlier attempts.
 * Failures count while inside the window and after the last success; once `maxFailures` of
 * them are counted, attempts are refused until enough of the oldest leave the window.
 */
export function decideSignInAttempt(attempts: readonly AttemptRecord[], now: Date): ThrottleDecision {
  const windowStart = now.getTime() - signInThrottle.windowMs;
  const countAfter = Math.max(
    windowStart,
    ...attempts.filter((a) => a.succeeded).map((a) => a.createdAt.getTime()),
  );
  const counted = attempts
    .filter((a) => !a.succeeded && a.createdAt.getTime() > countAfter)
    .map((a) => a.createdAt.getTime())
    .sort((a, b) => a - b);
  if (counted.length < signInThrottle.maxFailures) return { allowed: true };
  // Leaving the window one by one, this failure is the one whose departure brings the count under the limit.
  const freeing = counted[counted.length - signInThrottle.maxFailures]!;
  return { allowed: false, retryAt: new Date(freeing + signInThrottle.windowMs) };
}
