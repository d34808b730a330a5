import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { findActiveUser } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { createTestUser } from "@/lib/testing/factories";
import { changeTeammateRole } from "./change-teammate-role";
import { deactivateTeammate } from "./deactivate-teammate";
import { reactivateTeammate } from "./reactivate-teammate";

// The shared test database always holds other tests' admins, so the last-admin guard is
// tested on private databases in last-active-admin.test.ts.

const stored = async (id: string) => (await db().select().from(users).where(eq(users.id, id)))[0]!;

describe("changing teammates", () => {
  it("changes a teammate's role", async () => {
    const { actor } = await createTestUser({ role: "admin" });
    const { user } = await createTestUser({ role: "agent" });

    expect(await changeTeammateRole(actor, { userId: user.id, role: "staff" })).toMatchObject({ role: "staff" });
    expect(await changeTeammateRole(actor, { userId: user.id, role: "admin" })).toMatchObject({ role: "admin" });
    expect((await stored(user.id)).role).toBe("admin");
  });

  it("deactivates a teammate, who can neither sign in nor keep using an open session, until reactivated", async () => {
    const { actor } = await createTestUser({ role: "admin" });
    const { user, password } = await createTestUser({ role: "agent" });

    expect(await deactivateTeammate(actor, { userId: user.id })).toMatchObject({ id: user.id, active: false });

    expect(await signInWithPassword({ email: user.email, password, address: "test" })).toEqual({ outcome: "wrong_credentials" });
    expect(await findActiveUser(db(), user.id)).toBeNull();

    expect(await reactivateTeammate(actor, user.id)).toMatchObject({ id: user.id, active: true });
    expect(await signInWithPassword({ email: user.email, password, address: "test" })).toMatchObject({ outcome: "signed_in" });
  });

  it("lets an admin step down while another admin remains", async () => {
    const { actor, user } = await createTestUser({ role: "admin" });
    await createTestUser({ role: "admin" });

    await changeTeammateRole(actor, { userId: user.id, role: "agent" });

    expect((await stored(user.id)).role).toBe("agent");
  });

  it("refuses agents and staff before changing anyone", async () => {
    const { user: target } = await createTestUser({ role: "agent" });
    for (const role of ["agent", "staff"] as const) {
      const { actor } = await createTestUser({ role });
      await expect(changeTeammateRole(actor, { userId: target.id, role: "admin" })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(deactivateTeammate(actor, { userId: target.id })).rejects.toMatchObject({ code: "forbidden" });
    }
    const { user: inactive } = await createTestUser({ role: "agent", active: false });
    const { actor: staff } = await createTestUser({ role: "staff" });
    await expect(reactivateTeammate(staff, inactive.id)).rejects.toMatchObject({ code: "forbidden" });

    expect(await stored(target.id)).toMatchObject({ role: "agent", active: true });
    expect((await stored(inactive.id)).active).toBe(false);
  });

  it("refuses an admin who lost the role after signing in", async () => {
    const { actor: demoted, user } = await createTestUser({ role: "admin" });
    const { actor: other } = await createTestUser({ role: "admin" });
    const { user: target } = await createTestUser({ role: "agent" });
    await changeTeammateRole(other, { userId: user.id, role: "staff" });

    // `demoted` still says "admin": it was read before the change, as a request in flight would have.
    await expect(changeTeammateRole(demoted, { userId: target.id, role: "admin" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(deactivateTeammate(demoted, { userId: target.id })).rejects.toMatchObject({ code: "forbidden" });
    expect(await stored(target.id)).toMatchObject({ role: "agent", active: true });
  });

  it("answers not found for someone who is not on the team", async () => {
    const { actor } = await createTestUser({ role: "admin" });
    await expect(changeTeammateRole(actor, { userId: randomUUID(), role: "agent" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(deactivateTeammate(actor, { userId: randomUUID() })).rejects.toMatchObject({ code: "not_found" });
  });
});
