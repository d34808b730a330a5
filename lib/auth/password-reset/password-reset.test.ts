import { desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findSessionUser } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { db } from "@/lib/db/client";
import { outboundEmails, passwordResets } from "@/lib/db/schema";
import { createTestSession, createTestUser, uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";

const mailsTo = (address: string) =>
  db().select().from(outboundEmails).where(eq(outboundEmails.toAddress, address)).orderBy(desc(outboundEmails.createdAt));

/** The token in the newest reset mail to this address: what the person clicks. */
async function linkSentTo(address: string): Promise<string> {
  const [mail] = await mailsTo(address);
  const token = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail?.bodyText ?? "")?.[1];
  if (!token) throw new Error(`no reset link was mailed to ${address}`);
  return token;
}

const newPassword = "correct horse battery staple";

describe("resetting a forgotten password", () => {
  it("mails a link that sets a new password once, after which the old one no longer works", async () => {
    const { user, password } = await createTestUser({ role: "staff" });
    await requestPasswordReset({ email: user.email.toUpperCase() });
    const [mail] = await mailsTo(user.email);
    expect(mail).toMatchObject({ subject: "Reset your Touchbase password", state: "queued", messageId: null });
    const token = await linkSentTo(user.email);
    expect(await db().select().from(passwordResets).where(eq(passwordResets.userId, user.id))).not.toContainEqual(
      expect.objectContaining({ tokenHash: token }),
    );

    const address = `test-${uniqueSuffix()}`;
    expect(await resetPassword({ token, newPassword, confirmPassword: newPassword })).toEqual({ email: user.email });
    expect(await signInWithPassword({ email: user.email, password: newPassword, address })).toMatchObject({ outcome: "signed_in" });
    expect(await signInWithPassword({ email: user.email, password, address })).toEqual({ outcome: "wrong_credentials" });

    await expect(resetPassword({ token, newPassword: "another password", confirmPassword: "another password" })).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("expired or was already used"),
    });
  });

  it("ends every session of the person, wherever they were signed in", async () => {
    const { user } = await createTestUser();
    const sessions = [await createTestSession(user.id), await createTestSession(user.id)];
    await requestPasswordReset({ email: user.email });
    await resetPassword({ token: await linkSentTo(user.email), newPassword, confirmPassword: newPassword });
    for (const { sessionId } of sessions) expect(await findSessionUser(db(), { userId: user.id, sessionId })).toBeNull();
  });

  it("refuses one of the commonest passwords and keeps the link usable", async () => {
    const { user } = await createTestUser();
    await requestPasswordReset({ email: user.email });
    const token = await linkSentTo(user.email);
    await expect(resetPassword({ token, newPassword: "password1", confirmPassword: "password1" })).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("most common passwords"),
    });
    expect(await resetPassword({ token, newPassword, confirmPassword: newPassword })).toEqual({ email: user.email });
  });

  it("refuses an expired link, and one link used twice at once changes the password once", async () => {
    const { user } = await createTestUser();
    await requestPasswordReset({ email: user.email });
    const expired = await linkSentTo(user.email);
    await db().update(passwordResets).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(passwordResets.userId, user.id));
    await expect(resetPassword({ token: expired, newPassword, confirmPassword: newPassword })).rejects.toMatchObject({
      code: "validation_failed",
    });

    await requestPasswordReset({ email: user.email });
    const token = await linkSentTo(user.email);
    const results = await Promise.allSettled([
      resetPassword({ token, newPassword: "first new password", confirmPassword: "first new password" }),
      resetPassword({ token, newPassword: "second new password", confirmPassword: "second new password" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("answers the same for unknown and deactivated addresses, mailing nothing, and limits links to 3 an hour", async () => {
    const unknown = uniqueEmail("nobody");
    await requestPasswordReset({ email: unknown });
    expect(await mailsTo(unknown)).toEqual([]);

    const { user: gone } = await createTestUser({ active: false });
    await requestPasswordReset({ email: gone.email });
    expect(await mailsTo(gone.email)).toEqual([]);

    const { user } = await createTestUser();
    for (let i = 0; i < 5; i++) await requestPasswordReset({ email: user.email });
    expect(await mailsTo(user.email)).toHaveLength(3);
  });

  it("spends every other link once one is used", async () => {
    const { user } = await createTestUser();
    await requestPasswordReset({ email: user.email });
    const older = await linkSentTo(user.email);
    await requestPasswordReset({ email: user.email });
    const newer = await linkSentTo(user.email);
    await resetPassword({ token: newer, newPassword, confirmPassword: newPassword });
    await expect(resetPassword({ token: older, newPassword, confirmPassword: newPassword })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});
