import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { signInAttempts } from "@/lib/db/schema";
import { createTestUser, uniqueEmail } from "@/lib/testing/factories";
import { signInThrottle } from "./sign-in-throttle";
import { signInWithPassword } from "./sign-in-with-password";

// Lets a test hold password checks open; every other test goes straight through.
const checks = vi.hoisted(() => ({ started: 0, hold: undefined as Promise<void> | undefined }));
vi.mock("./password", async (importOriginal) => {
  const password = await importOriginal<typeof import("./password")>();
  return {
    ...password,
    verifyPassword: async (passwordHash: string, plain: string) => {
      checks.started++;
      await checks.hold;
      return password.verifyPassword(passwordHash, plain);
    },
  };
});

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
}

async function failTimes(email: string, times: number) {
  for (let i = 0; i < times; i++) {
    expect(await signInWithPassword({ email, password: `wrong-${i}` })).toEqual({ outcome: "wrong_credentials" });
  }
}

async function insertAttempts(email: string, count: number, minutesAgo: number, succeeded = false) {
  const createdAt = new Date(Date.now() - minutesAgo * 60_000);
  await db()
    .insert(signInAttempts)
    .values(Array.from({ length: count }, () => ({ email, succeeded, createdAt })));
}

const attemptsFor = (email: string) => db().select().from(signInAttempts).where(eq(signInAttempts.email, email));

describe("signInWithPassword", () => {
  it("signs in with the right password, whatever the case and spacing of the email, and records it", async () => {
    const { user, password } = await createTestUser();

    const result = await signInWithPassword({ email: `  ${user.email.toUpperCase()} `, password });

    expect(result).toMatchObject({ outcome: "signed_in", user: { id: user.id } });
    expect(await attemptsFor(user.email)).toMatchObject([{ succeeded: true }]);
  });

  it("refuses the right password after the maximum failures, without recording the refusal", async () => {
    const { user, password } = await createTestUser();
    await failTimes(user.email.toUpperCase(), signInThrottle.maxFailures);

    const result = await signInWithPassword({ email: user.email, password });

    expect(result.outcome).toBe("throttled");
    const retryAt = result.outcome === "throttled" ? result.retryAt.getTime() : 0;
    expect(retryAt).toBeGreaterThan(Date.now() + signInThrottle.windowMs - 60_000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + signInThrottle.windowMs);
    expect(await attemptsFor(user.email)).toHaveLength(signInThrottle.maxFailures);
  });

  it("lets the owner in again once the failures have left the window", async () => {
    const { user, password } = await createTestUser();
    await insertAttempts(user.email, signInThrottle.maxFailures, 16);

    expect(await signInWithPassword({ email: user.email, password })).toMatchObject({ outcome: "signed_in" });
  });

  it("still counts failures after a success, but not those before it", async () => {
    const { user, password } = await createTestUser();
    await insertAttempts(user.email, signInThrottle.maxFailures - 1, 10);
    await insertAttempts(user.email, 1, 9, true);
    await insertAttempts(user.email, signInThrottle.maxFailures - 1, 8);

    await failTimes(user.email, 1);
    expect(await signInWithPassword({ email: user.email, password })).toMatchObject({ outcome: "throttled" });
  });

  it("answers an unknown email exactly as a wrong password, and throttles it the same way", async () => {
    const { user } = await createTestUser();
    const unknown = uniqueEmail("nobody");

    await failTimes(unknown, signInThrottle.maxFailures);
    await failTimes(user.email, signInThrottle.maxFailures);

    const unknownResult = await signInWithPassword({ email: unknown, password: "anything" });
    const knownResult = await signInWithPassword({ email: user.email, password: "anything" });
    expect(unknownResult.outcome).toBe("throttled");
    expect(Object.keys(unknownResult)).toEqual(Object.keys(knownResult));
  });

  it("treats a deactivated account like an unknown one", async () => {
    const { user, password } = await createTestUser({ active: false });

    expect(await signInWithPassword({ email: user.email, password })).toEqual({ outcome: "wrong_credentials" });
    expect(await attemptsFor(user.email)).toMatchObject([{ succeeded: false }]);
  });

  it("lets no more than the maximum failures through when guesses arrive in parallel", async () => {
    const { user } = await createTestUser();
    // No check finishes until every guess has been let through or refused: attempts still being checked count.
    let release!: () => void;
    checks.started = 0;
    checks.hold = new Promise((resolve) => (release = resolve));
    let refused = 0;
    const pending = Array.from({ length: signInThrottle.maxFailures + 4 }, (_, i) =>
      signInWithPassword({ email: user.email, password: `guess-${i}` }).then((result) => {
        if (result.outcome === "throttled") refused++;
        return result;
      }),
    );
    try {
      await waitFor(() => checks.started + refused === signInThrottle.maxFailures + 4, 5_000);
    } finally {
      checks.hold = undefined;
      release();
    }
    const results = await Promise.all(pending);

    expect(checks.started).toBe(signInThrottle.maxFailures);
    expect(results.filter((r) => r.outcome === "wrong_credentials")).toHaveLength(signInThrottle.maxFailures);
    expect(results.filter((r) => r.outcome === "throttled")).toHaveLength(4);
    expect(await attemptsFor(user.email)).toHaveLength(signInThrottle.maxFailures);
  });

  it("holds no database connection while checking passwords, however many emails sign in at once", async () => {
    // More sign-ins than the pool has connections (10, in lib/db/client.ts), for different emails.
    const signIns = 15;
    let release!: () => void;
    checks.started = 0;
    checks.hold = new Promise((resolve) => (release = resolve));
    const pending = Array.from({ length: signIns }, () =>
      signInWithPassword({ email: uniqueEmail("crowd"), password: "guess" }),
    );
    try {
      expect(await waitFor(() => checks.started === signIns, 5_000)).toBe(true);
      const answered = await Promise.race([
        db().execute(sql`select 1`).then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 2_000)),
      ]);
      expect(answered).toBe(true);
    } finally {
      checks.hold = undefined;
      release();
    }
    expect(await Promise.all(pending)).toEqual(Array(signIns).fill({ outcome: "wrong_credentials" }));
  });

  it("prunes that email's attempts older than a day when recording one", async () => {
    const email = uniqueEmail("pruned");
    await insertAttempts(email, 3, 25 * 60);
    await insertAttempts(email, 1, 23 * 60);

    await failTimes(email, 1);

    expect(await attemptsFor(email)).toHaveLength(2);
  });
});
