import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { sessions } from "@/lib/db/schema";
import { createTestSession, createTestUser } from "@/lib/testing/factories";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { deactivateTeammate } from "@/lib/users/deactivate-teammate";
import { reactivateTeammate } from "@/lib/users/reactivate-teammate";
import { endSession, findSessionUser, pruneSessions, sessionMaxAgeSeconds } from "./sessions";

const userOf = async (userId: string, sessionId: string) => (await findSessionUser(db(), { userId, sessionId }))?.id ?? null;

describe("sessions", () => {
  it("finds the person behind an open session, and nobody once it is signed out", async () => {
    const { user } = await createTestUser();
    const { sessionId } = await createTestSession(user.id);
    expect(await userOf(user.id, sessionId)).toBe(user.id);

    await endSession(db(), sessionId);
    expect(await userOf(user.id, sessionId)).toBeNull();
  });

  it("does not let a session id stand for another person", async () => {
    const { user } = await createTestUser();
    const { user: other } = await createTestUser();
    const { sessionId } = await createTestSession(user.id);
    expect(await userOf(other.id, sessionId)).toBeNull();
  });

  it("ends a session the set time after sign-in, however active it was", async () => {
    const { user } = await createTestUser();
    const { sessionId } = await createTestSession(user.id);
    await db()
      .update(sessions)
      .set({ createdAt: sql`now() - make_interval(secs => ${sessionMaxAgeSeconds + 60})` })
      .where(eq(sessions.id, sessionId));
    expect(await userOf(user.id, sessionId)).toBeNull();
    expect(await pruneSessions(db())).toBeGreaterThanOrEqual(1);
    expect(await db().select().from(sessions).where(eq(sessions.id, sessionId))).toEqual([]);
  });

  it("ends the other sessions of someone who changes their password, keeping the one they changed it from", async () => {
    const { user, password, actor } = await createTestUser();
    const here = await createTestSession(user.id);
    const elsewhere = await createTestSession(user.id);
    await changeOwnPassword(
      actor,
      { currentPassword: password, newPassword: "a brand new password", newPasswordConfirmation: "a brand new password" },
      { keepSessionId: here.sessionId },
    );
    expect(await userOf(user.id, here.sessionId)).toBe(user.id);
    expect(await userOf(user.id, elsewhere.sessionId)).toBeNull();
  });

  it("does not revive old sessions when a deactivated teammate is reactivated", async () => {
    const { actor: admin } = await createTestUser({ role: "admin" });
    const { user } = await createTestUser();
    const { sessionId } = await createTestSession(user.id);
    await deactivateTeammate(admin, { userId: user.id });
    expect(await userOf(user.id, sessionId)).toBeNull();

    await reactivateTeammate(admin, user.id);
    expect(await userOf(user.id, sessionId)).toBeNull();
    const fresh = await createTestSession(user.id);
    expect(await userOf(user.id, fresh.sessionId)).toBe(user.id);
  });
});
