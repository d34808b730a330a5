import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { createTestUser } from "@/lib/testing/factories";
import { runEachTestOnPrivateDatabase } from "@/lib/testing/private-database";
import { changeTeammateRole } from "./change-teammate-role";
import { deactivateTeammate } from "./deactivate-teammate";

// "The only active admin" is a fact about the whole users table: each test gets an empty
// database of its own, where the admins it creates are all there are.
runEachTestOnPrivateDatabase();

const activeAdminIds = async () =>
  (
    await db()
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.active, true)))
  ).map((row) => row.id);

/**
 * Runs both changes so that each is under way before either can finish: a gate holds both
 * admins' rows until both changes are waiting on a lock, whichever lock that is.
 */
async function atTheSameMoment<T>(adminIds: string[], changes: (() => Promise<T>)[]) {
  let settled: Promise<PromiseSettledResult<T>[]> | undefined;
  await db().transaction(async (gate) => {
    await gate.select({ id: users.id }).from(users).where(inArray(users.id, adminIds)).for("update");
    settled = Promise.allSettled(changes.map((change) => change()));
    await expect
      .poll(async () => {
        const [row] = await db().execute<{ waiting: number }>(
          sql`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
        return row?.waiting;
      })
      .toBe(changes.length);
  });
  return settled!;
}

describe("the last active admin", () => {
  it("cannot give up the admin role or deactivate themself", async () => {
    const { actor, user } = await createTestUser({ role: "admin" });
    // A deactivated admin cannot sign in, so does not count.
    await createTestUser({ role: "admin", active: false });

    await expect(changeTeammateRole(actor, { userId: user.id, role: "agent" })).rejects.toMatchObject({
      code: "conflict",
      message: "You are the only active admin: make someone else an admin before changing your role",
    });
    await expect(deactivateTeammate(actor, { userId: user.id })).rejects.toMatchObject({
      code: "conflict",
      message: "You are the only active admin: make someone else an admin before deactivating yourself",
    });
    expect(await activeAdminIds()).toEqual([user.id]);
  });

  it("may step down once someone else is made admin", async () => {
    const { actor, user } = await createTestUser({ role: "admin" });
    const { user: agent } = await createTestUser({ role: "agent" });

    await changeTeammateRole(actor, { userId: agent.id, role: "admin" });
    await deactivateTeammate(actor, { userId: user.id });

    expect(await activeAdminIds()).toEqual([agent.id]);
  });

  it("survives two admins demoting each other at the same moment", async () => {
    const a = await createTestUser({ role: "admin" });
    const b = await createTestUser({ role: "admin" });

    const attempts = await atTheSameMoment(
      [a.user.id, b.user.id],
      [
        () => changeTeammateRole(a.actor, { userId: b.user.id, role: "agent" }),
        () => changeTeammateRole(b.actor, { userId: a.user.id, role: "agent" }),
      ],
    );

    expect(attempts.map((attempt) => attempt.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await activeAdminIds()).toHaveLength(1);
  });

  it("survives two admins deactivating each other at the same moment", async () => {
    const a = await createTestUser({ role: "admin" });
    const b = await createTestUser({ role: "admin" });

    const attempts = await atTheSameMoment(
      [a.user.id, b.user.id],
      [() => deactivateTeammate(a.actor, { userId: b.user.id }), () => deactivateTeammate(b.actor, { userId: a.user.id })],
    );

    expect(attempts.map((attempt) => attempt.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await activeAdminIds()).toHaveLength(1);
  });
});
