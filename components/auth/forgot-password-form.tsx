"use client";

import { useState } from "react";
import { requestPasswordResetAction } from "@/app/forgot-password/actions";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useValidatedForm } from "@/components/ui/use-validated-form";
import { requestPasswordResetInput } from "@/lib/auth/password-reset/password-reset.validation";

export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { submit, fieldErrors, error, pending } = useValidatedForm(requestPasswordResetInput, requestPasswordResetAction, (_data, input) =>
    setSentTo(input.email),
  );

  if (sentTo) {
    return (
      <div role="status" className="flex flex-col gap-3 text-sm text-zinc-700">
        <p>
          If <strong className="break-all">{sentTo}</strong> belongs to a Touchbase account, a link to choose a new
          password is on its way. It works once, for 30 minutes.
        </p>
        <a href="/login" className="font-medium text-indigo-700 hover:text-indigo-600">
          Back to sign in
        </a>
      </div>
    );
  }
  return (
    <form onSubmit={submit} aria-label="Reset password" className="flex flex-col gap-4" noValidate>
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus error={fieldErrors.email} />
      <FormError message={error} />
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Send me a reset link
      </SubmitButton>
      <a href="/login" className="text-sm font-medium text-indigo-700 hover:text-indigo-600">
        Back to sign in
      </a>
    </form>
  );
}
