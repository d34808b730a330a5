import { describe, expect, it } from "vitest";
import { decideSignInAttempt, signInThrottle, type AttemptRecord } from "./sign-in-throttle";

const now = new Date("2026-03-01T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const failed = (minutes: number): AttemptRecord => ({ succeeded: false, createdAt: minutesAgo(minutes) });
const succeeded = (minutes: number): AttemptRecord => ({ succeeded: true, createdAt: minutesAgo(minutes) });
const failures = (count: number, fromMinutesAgo: number) =>
  Array.from({ length: count }, (_, i) => failed(fromMinutesAgo - i));

describe("decideSignInAttempt", () => {
  it("allows attempts while fewer than the maximum failures are in the window", () => {
    expect(decideSignInAttempt([], now)).toEqual({ allowed: true });
    expect(decideSignInAttempt(failures(signInThrottle.maxFailures - 1, 10), now)).toEqual({ allowed: true });
  });

  it("refuses at the maximum until the oldest counted failure leaves the window", () => {
    expect(decideSignInAttempt(failures(10, 12), now)).toEqual({ allowed: false, retryAt: minutesAgo(12 - 15) });
  });

  it("lifts the refusal once the oldest failure is exactly a window old", () => {
    expect(decideSignInAttempt([failed(15), ...failures(9, 14)], now)).toEqual({ allowed: true });
  });

  it("ignores failures older than the window", () => {
    expect(decideSignInAttempt([...failures(5, 40), ...failures(9, 10)], now)).toEqual({ allowed: true });
  });

  it("does not count failures before the last success", () => {
    expect(decideSignInAttempt([...failures(9, 14), succeeded(5), failed(4), failed(3)], now)).toEqual({ allowed: true });
  });

  it("counts failures after a success", () => {
    const attempts = [succeeded(14), ...failures(10, 13)];
    expect(decideSignInAttempt(attempts, now)).toEqual({ allowed: false, retryAt: minutesAgo(13 - 15) });
  });

  it("waits for enough failures to leave when more than the maximum are counted", () => {
    const attempts = failures(12, 14);
    expect(decideSignInAttempt(attempts, now)).toEqual({ allowed: false, retryAt: minutesAgo(12 - 15) });
  });

  it("does not depend on the order of the attempts", () => {
    const attempts = failures(10, 12).reverse();
    expect(decideSignInAttempt(attempts, now)).toEqual({ allowed: false, retryAt: minutesAgo(12 - 15) });
  });
});
