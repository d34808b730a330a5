import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { createTestUser, uniqueEmail } from "@/lib/testing/factories";
import { createFirstAdmin } from "./create-first-admin";

// Counts calls to the real hash: the setup action is open to anyone, so the slow hash
// must not run once the workspace has users.
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...original, hashPassword: vi.fn(original.hashPassword) };
});

// The test database is shared and always has users, so only the refusal can be seen
// here; the empty-database path is in first-admin-setup.test.ts, on private databases.
describe("createFirstAdmin", () => {
  it("refuses once any user exists, creates nobody and hashes nothing", async () => {
    await createTestUser();
    vi.mocked(hashPassword).mockClear();
    const email = uniqueEmail("intruder");
    const attempts = await Promise.allSettled([
      createFirstAdmin({ name: "Intruder", email, password: "long enough" }),
      createFirstAdmin({ name: "Intruder", email, password: "long enough" }),
    ]);
    for (const attempt of attempts) {
      expect(attempt.status).toBe("rejected");
      expect((attempt as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    }
    expect(await db().select().from(users).where(eq(users.email, email))).toHaveLength(0);
    expect(hashPassword).not.toHaveBeenCalled();
  });
});
