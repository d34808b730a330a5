"use server";

import { runAction } from "@/app/(app)/run-action";
import { requestPasswordResetInput } from "@/lib/auth/password-reset/password-reset.validation";
import { requestPasswordReset } from "@/lib/auth/password-reset/request-password-reset";
import { resetPasswordInput } from "@/lib/auth/password-reset/password-reset.validation";
import { resetPassword } from "@/lib/auth/password-reset/reset-password";

// Signed-out by nature: the use-cases themselves give nothing away (the same answer for
// every address) and change nothing without a valid, unused link.
export async function requestPasswordResetAction(raw: unknown) {
  return runAction(async () => {
    await requestPasswordReset(requestPasswordResetInput.parse(raw));
    return null;
  });
}

export async function resetPasswordAction(raw: unknown) {
  return runAction(async () => resetPassword(resetPasswordInput.parse(raw)));
}
