import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { createTestUser, uniqueEmail } from "@/lib/testing/factories";
import { createFirstAdmin } from "./create-first-admin";

// The test database is shared and always has users, so only the refusal can be seen
// here; the empty-database path is covered by the setup page's end-to-end test.
describe("createFirstAdmin", () => {
  it("refuses once any user exists and creates nobody", async () => {
    await createTestUser();
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
  });
});
