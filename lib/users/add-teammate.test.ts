import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { createTestUser, uniqueEmail } from "@/lib/testing/factories";
import { addTeammate } from "./add-teammate";

const usersWithEmail = (email: string) => db().select().from(users).where(eq(users.email, email));

describe("addTeammate", () => {
  it("adds a teammate with a lower-cased email who signs in with the temporary password, then must change it", async () => {
    const { actor } = await createTestUser({ role: "admin" });
    const email = uniqueEmail("Grace.Hopper");

    const { teammate, temporaryPassword } = await addTeammate(actor, {
      name: "Grace Hopper",
      email: email.toUpperCase(),
      role: "agent",
    });

    expect(teammate).toMatchObject({ name: "Grace Hopper", email: email.toLowerCase(), role: "agent", active: true });
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(20);
    const [stored] = await usersWithEmail(email.toLowerCase());
    expect(stored?.passwordHash).not.toContain(temporaryPassword);
    expect(stored?.mustChangePassword).toBe(true);
    expect(await signInWithPassword({ email, password: temporaryPassword, address: "test" })).toMatchObject({
      outcome: "signed_in",
      user: { id: teammate.id },
    });
  });

  it("gives every teammate a different temporary password", async () => {
    const { actor } = await createTestUser({ role: "admin" });
    const added = await Promise.all(
      [1, 2, 3].map((n) => addTeammate(actor, { name: `New ${n}`, email: uniqueEmail("new"), role: "staff" })),
    );
    expect(new Set(added.map((a) => a.temporaryPassword)).size).toBe(3);
  });

  it("refuses an email someone already uses, whatever its case, as an error on the email field", async () => {
    const { actor } = await createTestUser({ role: "admin" });
    const { user: existing } = await createTestUser({ role: "staff" });

    const attempt = addTeammate(actor, { name: "Copycat", email: existing.email.toUpperCase(), role: "agent" });

    await expect(attempt).rejects.toMatchObject({
      code: "conflict",
      message: "Someone on the team already uses this email",
      details: [{ path: "email", message: "Someone on the team already uses this email" }],
    });
    expect(await usersWithEmail(existing.email)).toMatchObject([{ id: existing.id, name: existing.name }]);
  });

  it("adds one teammate when two admins add the same email at once", async () => {
    const [first, second] = await Promise.all([createTestUser({ role: "admin" }), createTestUser({ role: "admin" })]);
    const email = uniqueEmail("twice");

    const attempts = await Promise.allSettled([
      addTeammate(first.actor, { name: "Twice", email, role: "agent" }),
      addTeammate(second.actor, { name: "Twice", email, role: "staff" }),
    ]);

    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const refused = attempts.find((a) => a.status === "rejected");
    expect(refused?.reason).toMatchObject({ code: "conflict" });
    expect(await usersWithEmail(email)).toHaveLength(1);
  });

  it("refuses an admin who lost the role after signing in", async () => {
    const { actor: demoted, user } = await createTestUser({ role: "admin" });
    await db().update(users).set({ role: "agent" }).where(eq(users.id, user.id));
    const email = uniqueEmail("late");

    // `demoted` still says "admin": it was read before the change, as a request in flight would have.
    await expect(addTeammate(demoted, { name: "Late", email, role: "agent" })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await usersWithEmail(email)).toHaveLength(0);
  });

  it("refuses agents and staff before creating anyone", async () => {
    for (const role of ["agent", "staff"] as const) {
      const { actor } = await createTestUser({ role });
      const email = uniqueEmail("sneaky");
      await expect(addTeammate(actor, { name: "Sneaky", email, role: "admin" })).rejects.toMatchObject({
        code: "forbidden",
      });
      expect(await usersWithEmail(email)).toHaveLength(0);
    }
  });
});
