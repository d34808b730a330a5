import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { userActor } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { createTestApiKey, createTestUser, uniqueEmail } from "@/lib/testing/factories";
import { addTeammate } from "./add-teammate";
import { changeOwnPassword } from "./change-own-password";
import { changeOwnPasswordInput } from "./change-own-password.validation";

const storedUser = async (id: string) => (await db().select().from(users).where(eq(users.id, id)))[0]!;

const change = (currentPassword: string, newPassword: string) =>
  changeOwnPasswordInput.parse({ currentPassword, newPassword, newPasswordConfirmation: newPassword });

describe("changeOwnPassword", () => {
  it("lets the new password sign in and no longer the old one", async () => {
    const { user, password, actor } = await createTestUser();

    await changeOwnPassword(actor, change(password, "a brand new password"));

    expect(await signInWithPassword({ email: user.email, password: "a brand new password", address: "test" })).toMatchObject({
      outcome: "signed_in",
      user: { id: user.id },
    });
    expect(await signInWithPassword({ email: user.email, password, address: "test" })).toEqual({ outcome: "wrong_credentials" });
  });

  it("refuses a wrong current password on that field and changes nothing", async () => {
    const { user, actor } = await createTestUser();
    await db().update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
    const before = await storedUser(user.id);

    await expect(changeOwnPassword(actor, change("not my password", "a brand new password"))).rejects.toMatchObject({
      code: "validation_failed",
      details: [{ path: "currentPassword", message: "That is not your current password" }],
    });

    expect(await storedUser(user.id)).toEqual(before);
  });

  it("refuses one of the commonest passwords as the new one, on that field, and changes nothing", async () => {
    const { user, password, actor } = await createTestUser();
    const before = await storedUser(user.id);

    await expect(changeOwnPassword(actor, change(password, "Password123"))).rejects.toMatchObject({
      code: "validation_failed",
      details: [{ path: "newPassword", message: expect.stringMatching(/most common passwords/) }],
    });

    expect(await storedUser(user.id)).toEqual(before);
  });

  it("clears the requirement a temporary password from an admin brings", async () => {
    const { actor: admin } = await createTestUser({ role: "admin" });
    const email = uniqueEmail("new");
    const { teammate, temporaryPassword } = await addTeammate(admin, { name: "New", email, role: "agent" });
    expect(await storedUser(teammate.id)).toMatchObject({ mustChangePassword: true });

    await changeOwnPassword(userActor(teammate), change(temporaryPassword, "my own password"));

    expect(await storedUser(teammate.id)).toMatchObject({ mustChangePassword: false });
  });

  it("changes the password once when two changes are submitted at once with the same current password", async () => {
    const { user, password, actor } = await createTestUser();

    const attempts = await Promise.allSettled([
      changeOwnPassword(actor, change(password, "first new password")),
      changeOwnPassword(actor, change(password, "second new password")),
    ]);

    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect(attempts.find((a) => a.status === "rejected")?.reason).toMatchObject({ code: "conflict" });
    const signIns = await Promise.all(
      ["first new password", "second new password"].map((p) => signInWithPassword({ email: user.email, password: p, address: "test" })),
    );
    expect(signIns.filter((s) => s.outcome === "signed_in")).toHaveLength(1);
  });

  it("refuses an API key, which has no password of its own", async () => {
    const { actor } = await createTestApiKey();
    await expect(changeOwnPassword(actor, change("whatever it is", "a brand new password"))).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("changeOwnPasswordInput", () => {
  const valid = { currentPassword: "old password", newPassword: "new password", newPasswordConfirmation: "new password" };
  const problems = (input: object) =>
    changeOwnPasswordInput.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);

  it("accepts a new password of the setup form's minimum length that differs and is confirmed", () => {
    expect(changeOwnPasswordInput.safeParse(valid).success).toBe(true);
  });

  it("refuses a short new password, a mismatched confirmation and an unchanged password on their fields", () => {
    expect(problems({ ...valid, newPassword: "short", newPasswordConfirmation: "short" })).toEqual([
      ["newPassword", "Use at least 8 characters"],
    ]);
    expect(problems({ ...valid, newPasswordConfirmation: "new passwort" })).toEqual([
      ["newPasswordConfirmation", "The two new passwords do not match"],
    ]);
    expect(problems({ ...valid, newPassword: "old password", newPasswordConfirmation: "old password" })).toEqual([
      ["newPassword", "Choose a password different from your current one"],
    ]);
  });
});
