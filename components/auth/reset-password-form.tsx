"use client";

import { resetPasswordAction } from "@/app/forgot-password/actions";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useValidatedForm } from "@/components/ui/use-validated-form";
import { resetPasswordInput } from "@/lib/auth/password-reset/password-reset.validation";
import { minPasswordLength } from "@/lib/users/password.validation";

export function ResetPasswordForm({ token }: { token: string }) {
  const { submit, fieldErrors, error, pending } = useValidatedForm(resetPasswordInput, resetPasswordAction, () => {
    window.location.assign("/login?reset=1");
  });
  const linkError = fieldErrors.token;

  return (
    <form onSubmit={submit} aria-label="Choose a new password" className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        autoFocus
        hint={`At least ${minPasswordLength} characters`}
        error={fieldErrors.newPassword}
      />
      <TextField label="Repeat it" name="confirmPassword" type="password" autoComplete="new-password" required error={fieldErrors.confirmPassword} />
      <FormError message={linkError ?? error} />
      {linkError && (
        <a href="/forgot-password" className="text-sm font-medium text-indigo-700 hover:text-indigo-600">
          Send me a new link
        </a>
      )}
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Set new password
      </SubmitButton>
    </form>
  );
}
