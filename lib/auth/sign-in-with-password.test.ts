import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { signInAttempts } from "@/lib/db/schema";
import { createTestUser, uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";
import { pruneAuthRecords } from "./prune-auth-records";
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

// Each test signs in from addresses of its own: the spraying rule counts per address across tests.
const newAddress = () => `test-${uniqueSuffix()}`;

async function failTimes(email: string, address: string, times: number) {
  for (let i = 0; i < times; i++) {
    expect(await signInWithPassword({ email, password: `wrong-${i}`, address })).toEqual({ outcome: "wrong_credentials" });
  }
}

async function insertAttempts(
  rows: { email: string; address: string; count: number; minutesAgo: number; succeeded?: boolean },
) {
  const createdAt = new Date(Date.now() - rows.minutesAgo * 60_000);
  await db()
    .insert(signInAttempts)
    .values(
      Array.from({ length: rows.count }, () => ({
        email: rows.email,
        address: rows.address,
        succeeded: rows.succeeded ?? false,
        createdAt,
      })),
    );
}

const attemptsFor = (email: string) => db().select().from(signInAttempts).where(eq(signInAttempts.email, email));

describe("signInWithPassword", () => {
  it("signs in with the right password, whatever the case and spacing of the email, and records it", async () => {
    const { user, password } = await createTestUser();
    const address = newAddress();
    const result = await signInWithPassword({ email: `  ${user.email.toUpperCase()} `, password, address });
    expect(result).toMatchObject({ outcome: "signed_in", user: { id: user.id } });
    expect(await attemptsFor(user.email)).toMatchObject([{ succeeded: true, address }]);
  });

  it("refuses the address that made the maximum failures for an email, right password included, without recording it", async () => {
    const { user, password } = await createTestUser();
    const guesser = newAddress();
    await failTimes(user.email.toUpperCase(), guesser, signInThrottle.maxFailuresPerPair);

    const result = await signInWithPassword({ email: user.email, password, address: guesser });

    expect(result.outcome).toBe("throttled");
    const retryAt = result.outcome === "throttled" ? result.retryAt.getTime() : 0;
    expect(retryAt).toBeGreaterThan(Date.now() + signInThrottle.windowMs - 60_000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + signInThrottle.windowMs);
    expect(await attemptsFor(user.email)).toHaveLength(signInThrottle.maxFailuresPerPair);
  });

  it("lets the owner in from an address they signed in from before, however many guesses others made", async () => {
    const { user, password } = await createTestUser();
    const home = newAddress();
    await insertAttempts({ email: user.email, address: home, count: 1, minutesAgo: 3 * 24 * 60, succeeded: true });
    await insertAttempts({ email: user.email, address: newAddress(), count: 50, minutesAgo: 5 });

    expect(await signInWithPassword({ email: user.email, password, address: home })).toMatchObject({
      outcome: "signed_in",
    });
  });

  it("lets the owner in from a new address too while strangers guess, only slowed down", async () => {
    const { user, password } = await createTestUser();
    await insertAttempts({ email: user.email, address: newAddress(), count: signInThrottle.slowDownAfter, minutesAgo: 5 });

    expect(await signInWithPassword({ email: user.email, password, address: newAddress() })).toMatchObject({
      outcome: "signed_in",
    });
  });

  it("refuses an address that sprays guesses across many emails", async () => {
    const sprayer = newAddress();
    await insertAttempts({
      email: uniqueEmail("sprayed"),
      address: sprayer,
      count: signInThrottle.maxFailuresPerAddress - 1,
      minutesAgo: 5,
    });
    await failTimes(uniqueEmail("sprayed"), sprayer, 1);
    const { user, password } = await createTestUser();

    expect(await signInWithPassword({ email: uniqueEmail("sprayed"), password: "guess", address: sprayer })).toMatchObject({
      outcome: "throttled",
    });
    expect(await signInWithPassword({ email: user.email, password, address: sprayer })).toMatchObject({
      outcome: "throttled",
    });
    expect(await signInWithPassword({ email: user.email, password, address: newAddress() })).toMatchObject({
      outcome: "signed_in",
    });
  });

  it("lets the guessing address in again once its failures have left the window", async () => {
    const { user, password } = await createTestUser();
    const address = newAddress();
    await insertAttempts({ email: user.email, address, count: signInThrottle.maxFailuresPerPair, minutesAgo: 16 });
    expect(await signInWithPassword({ email: user.email, password, address })).toMatchObject({ outcome: "signed_in" });
  });

  it("answers an unknown email exactly as a wrong password, and throttles it the same way", async () => {
    const { user } = await createTestUser();
    const unknown = uniqueEmail("nobody");
    const address = newAddress();
    await failTimes(unknown, address, signInThrottle.maxFailuresPerPair);
    await failTimes(user.email, address, signInThrottle.maxFailuresPerPair);

    const unknownResult = await signInWithPassword({ email: unknown, password: "anything", address });
    const knownResult = await signInWithPassword({ email: user.email, password: "anything", address });

    expect(unknownResult.outcome).toBe("throttled");
    expect(Object.keys(unknownResult)).toEqual(Object.keys(knownResult));
  });

  it("treats a deactivated account like an unknown one", async () => {
    const { user, password } = await createTestUser({ active: false });
    expect(await signInWithPassword({ email: user.email, password, address: newAddress() })).toEqual({
      outcome: "wrong_credentials",
    });
    expect(await attemptsFor(user.email)).toMatchObject([{ succeeded: false }]);
  });

  it("lets no more than the maximum failures through when guesses arrive in parallel", async () => {
    const { user } = await createTestUser();
    const address = newAddress();
    const limit = signInThrottle.maxFailuresPerPair;
    // No check finishes until every guess has been let through or refused: attempts still being checked count.
    let release!: () => void;
    checks.started = 0;
    checks.hold = new Promise((resolve) => (release = resolve));
    let refused = 0;
    const pending = Array.from({ length: limit + 4 }, (_, i) =>
      signInWithPassword({ email: user.email, password: `guess-${i}`, address }).then((result) => {
        if (result.outcome === "throttled") refused++;
        return result;
      }),
    );
    try {
      await waitFor(() => checks.started + refused === limit + 4, 5_000);
    } finally {
      checks.hold = undefined;
      release();
    }
    const results = await Promise.all(pending);
    expect(checks.started).toBe(limit);
    expect(results.filter((r) => r.outcome === "wrong_credentials")).toHaveLength(limit);
    expect(results.filter((r) => r.outcome === "throttled")).toHaveLength(4);
    expect(await attemptsFor(user.email)).toHaveLength(limit);
  });

  it("holds no database connection while checking passwords, however many emails sign in at once", async () => {
    // More sign-ins than the pool has connections (10, in lib/db/client.ts), for different emails.
    const signIns = 15;
    let release!: () => void;
    checks.started = 0;
    checks.hold = new Promise((resolve) => (release = resolve));
    const pending = Array.from({ length: signIns }, () =>
      signInWithPassword({ email: uniqueEmail("crowd"), password: "guess", address: newAddress() }),
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

  it("is pruned by the job: failures after a day, successes once they no longer make an address familiar", async () => {
    const email = uniqueEmail("pruned");
    const address = newAddress();
    const familiarDays = signInThrottle.familiarForMs / (24 * 60 * 60_000);
    await insertAttempts({ email, address, count: 3, minutesAgo: 25 * 60 });
    await insertAttempts({ email, address, count: 1, minutesAgo: 23 * 60 });
    await insertAttempts({ email, address, count: 1, minutesAgo: 25 * 60, succeeded: true });
    await insertAttempts({ email, address, count: 1, minutesAgo: (familiarDays + 1) * 24 * 60, succeeded: true });

    expect((await pruneAuthRecords()).signInAttempts).toBeGreaterThanOrEqual(4);
    expect((await attemptsFor(email)).map((a) => a.succeeded).sort()).toEqual([false, true]);
  });
});
