import { describe, expect, it } from "vitest";
import { decideSignInAttempt, signInThrottle, type AttemptRecord, type SignInHistory } from "./sign-in-throttle";

const now = new Date("2026-03-01T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const here = "203.0.113.7";
const failed = (minutes: number, address = here): AttemptRecord => ({ succeeded: false, createdAt: minutesAgo(minutes), address });
const succeeded = (minutes: number, address = here): AttemptRecord => ({ succeeded: true, createdAt: minutesAgo(minutes), address });
const failures = (count: number, fromMinutesAgo: number, address = here) =>
  Array.from({ length: count }, (_, i) => failed(fromMinutesAgo - i / 10, address));
// Guesses from many addresses, one each, as a botnet sends them.
const distributed = (count: number, fromMinutesAgo: number) =>
  Array.from({ length: count }, (_, i) => failed(fromMinutesAgo - i / 10, `198.51.100.${i}`));

const decide = (history: Partial<SignInHistory>, address = here) =>
  decideSignInAttempt({ emailAttempts: [], addressFailures: [], familiarAddress: false, ...history }, address, now);

describe("decideSignInAttempt", () => {
  it("lets attempts through at once while an email has few failures", () => {
    expect(decide({})).toEqual({ allowed: true, delayMs: 0 });
    expect(decide({ emailAttempts: failures(signInThrottle.maxFailuresPerPair - 1, 10) })).toEqual({
      allowed: true,
      delayMs: 0,
    });
  });

  it("refuses an address that reached the maximum failures for an email until the oldest leaves the window", () => {
    expect(decide({ emailAttempts: failures(10, 12) })).toEqual({ allowed: false, retryAt: minutesAgo(12 - 15) });
    expect(decide({ emailAttempts: [failed(15), ...failures(9, 14)] }).allowed).toBe(true);
    expect(decide({ emailAttempts: [...failures(5, 40), ...failures(9, 10)] }).allowed).toBe(true);
  });

  it("counts an address's failures for an email after its last success there", () => {
    expect(decide({ emailAttempts: [...failures(9, 14), succeeded(5), failed(4), failed(3)] }).allowed).toBe(true);
    expect(decide({ emailAttempts: [succeeded(14), ...failures(10, 13)] }).allowed).toBe(false);
    expect(decide({ emailAttempts: failures(10, 12).reverse() })).toEqual({ allowed: false, retryAt: minutesAgo(12 - 15) });
  });

  it("never refuses the owner because of another address's failures", () => {
    const emailAttempts = failures(40, 12, "198.51.100.66");
    expect(decide({ emailAttempts }, "198.51.100.66").allowed).toBe(false);
    expect(decide({ emailAttempts, familiarAddress: true })).toEqual({ allowed: true, delayMs: 0 });
    expect(decide({ emailAttempts }).allowed).toBe(true);
  });

  it("slows down unfamiliar addresses, more with every failure, while many addresses fail for one email", () => {
    const delay = (count: number) => {
      const decision = decide({ emailAttempts: distributed(count, 14) });
      return decision.allowed ? decision.delayMs : -1;
    };
    expect(delay(signInThrottle.slowDownAfter - 1)).toBe(0);
    expect(delay(signInThrottle.slowDownAfter)).toBe(signInThrottle.delayStepMs);
    expect(delay(signInThrottle.slowDownAfter + 3)).toBe(4 * signInThrottle.delayStepMs);
    expect(delay(130)).toBe(signInThrottle.maxDelayMs);
    expect(decide({ emailAttempts: distributed(130, 14), familiarAddress: true })).toEqual({ allowed: true, delayMs: 0 });
  });

  it("refuses an address that sprays guesses across many emails", () => {
    const addressFailures = Array.from({ length: signInThrottle.maxFailuresPerAddress }, (_, i) => minutesAgo(14 - i / 10));
    expect(decide({ addressFailures })).toEqual({ allowed: false, retryAt: minutesAgo(14 - 15) });
    expect(decide({ addressFailures: addressFailures.slice(1) }).allowed).toBe(true);
    expect(decide({ addressFailures: [minutesAgo(20), ...addressFailures.slice(1)] }).allowed).toBe(true);
  });
});
