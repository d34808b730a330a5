import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { runEachTestOnPrivateDatabase } from "@/lib/testing/private-database";
import { uniqueEmail } from "@/lib/testing/factories";
import { createFirstAdmin } from "./create-first-admin";

// "No users yet" is a fact about the whole users table: each test gets an empty database.
runEachTestOnPrivateDatabase();

describe("setting up an empty workspace", () => {
  it("makes the first person an admin with a lower-cased email", async () => {
    const email = uniqueEmail("Founder");
    const admin = await createFirstAdmin({ name: "Founder", email, password: "long enough" });
    expect(admin).toMatchObject({ role: "admin", active: true, email: email.toLowerCase(), mustChangePassword: false });
  });

  it("makes exactly one admin when two people submit the setup form at once", async () => {
    const attempts = await Promise.allSettled(
      ["a", "b"].map((n) => createFirstAdmin({ name: n, email: uniqueEmail(n), password: "long enough" })),
    );
    expect(attempts.map((a) => a.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db().select().from(users)).toHaveLength(1);
  });
});
