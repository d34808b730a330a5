"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { changeOwnPasswordAction } from "@/app/(app)/account/actions";
import { reconnectAgentSocket } from "@/components/realtime/agent-socket";
import { useValidatedForm } from "@/components/ui/use-validated-form";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { changeOwnPasswordInput } from "@/lib/users/change-own-password.validation";
import { chosenPasswordHint, minPasswordLength } from "@/lib/users/password.validation";

/** `required`: the person signed in with a temporary password and goes on to the inbox once it is replaced. */
export function ChangePasswordForm({ required }: { required: boolean }) {
  const router = useRouter();
  const [changed, setChanged] = useState(false);
  const { submit, fieldErrors, error, pending } = useValidatedForm(changeOwnPasswordInput, changeOwnPasswordAction, () => {
    setChanged(true);
    reconnectAgentSocket();
    if (required) router.replace("/inbox");
  });

  return (
    <form onSubmit={submit} onInput={() => setChanged(false)} aria-label="Change password" noValidate className="flex max-w-sm flex-col gap-3">
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
        hint={chosenPasswordHint}
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
