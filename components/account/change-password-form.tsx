"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { changeOwnPasswordAction } from "@/app/(app)/account/actions";
import { fieldErrorsOf, type FieldErrors } from "@/components/ui/field-errors";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import {
  changeOwnPasswordInput,
  type ChangeOwnPasswordInput,
} from "@/lib/users/change-own-password.validation";
import { minPasswordLength } from "@/lib/users/password.validation";

/** `required`: the person signed in with a temporary password and goes on to the inbox once it is replaced. */
export function ChangePasswordForm({ required }: { required: boolean }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<ChangeOwnPasswordInput>>({});
  const [error, setError] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setChanged(false);
    const parsed = changeOwnPasswordInput.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    setError(null);
    setPending(true);
    try {
      const result = await changeOwnPasswordAction(parsed.data);
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors) setError(result.error);
        return;
      }
      form.reset();
      setChanged(true);
      if (required) router.replace("/inbox");
    } catch {
      setError("Could not reach Touchbase. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label="Change password" noValidate className="flex max-w-sm flex-col gap-3">
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrors.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={minPasswordLength}
        hint={`At least ${minPasswordLength} characters`}
        error={fieldErrors.newPassword}
      />
      <TextField
        label="Confirm new password"
        name="newPasswordConfirmation"
        type="password"
        autoComplete="new-password"
        required
        error={fieldErrors.newPasswordConfirmation}
      />
      <FormError message={error} />
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Changing…">
          Change password
        </SubmitButton>
        <p role="status" className="text-sm text-emerald-700">
          {changed ? "Password changed" : ""}
        </p>
      </div>
    </form>
  );
}
