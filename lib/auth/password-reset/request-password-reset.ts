import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import { normalizeEmail } from "@/lib/customers/find-or-create-customer";
import { db } from "@/lib/db/client";
import { passwordResets, users } from "@/lib/db/schema";
import { appUrl } from "@/lib/env";
import { queueStaffEmail } from "@/lib/mail/queue-staff-email";
import type { RequestPasswordResetInput } from "./password-reset.validation";

export const resetLinkLifetimeMinutes = 30;
// Enough for someone who lost a mail or two, too few to flood a colleague's inbox.
const resetsPerHour = 3;

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Mails an active teammate a single-use link to choose a new password. The answer is the
 * same whether or not the address has an account (and when the hourly limit is reached),
 * so the form cannot be used to find out who works here.
 */
export async function requestPasswordReset(input: RequestPasswordResetInput): Promise<void> {
  const email = normalizeEmail(input.email);
  await db().transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(and(eq(users.email, email), eq(users.active, true)))
      // Serialises two requests for one person, so the hourly limit holds.
      .for("update");
    if (!user) return;
    const recent = await tx.$count(
      passwordResets,
      and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, sql`now() - interval '1 hour'`)),
    );
    if (recent >= resetsPerHour) return;

    const token = randomBytes(32).toString("base64url");
    await tx.insert(passwordResets).values({
      userId: user.id,
      tokenHash: hashResetToken(token),
      expiresAt: sql`now() + make_interval(mins => ${resetLinkLifetimeMinutes})`,
    });
    await queueStaffEmail(tx, {
      to: user.email,
      subject: "Reset your Touchbase password",
      bodyText: [
        `Hi ${user.name},`,
        "",
        "Someone (hopefully you) asked to reset your Touchbase password. Choose a new one here:",
        "",
        `${appUrl()}/reset-password?token=${token}`,
        "",
        `The link works once, for ${resetLinkLifetimeMinutes} minutes. If you did not ask for it, ignore this mail: your password stays as it is.`,
      ].join("\n"),
    });
  });
}
