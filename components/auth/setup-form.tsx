"use client";

import { signIn } from "next-auth/react";
import { createFirstAdminAction } from "@/app/setup/actions";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { firstAdminInput } from "@/lib/users/first-admin.validation";
import { chosenPasswordHint, minPasswordLength } from "@/lib/users/password.validation";
import { SubmitButton } from "@/components/ui/submit-button";
import { useValidatedForm } from "@/components/ui/use-validated-form";


export function SetupForm() {
  const { submit, fieldErrors, error, pending } = useValidatedForm(
    firstAdminInput,
    createFirstAdminAction,
    async (_data, input) => {
      const signedIn = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      window.location.assign(signedIn?.ok && !signedIn.error ? "/inbox" : "/login");
    },
  );

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <TextField label="Name" name="name" autoComplete="name" required autoFocus error={fieldErrors.name} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required error={fieldErrors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minPasswordLength}
        hint={chosenPasswordHint}
        error={fieldErrors.password}
      />
      <FormError message={error} />
      {error && (
        <a href="/login" className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
          Go to sign in
        </a>
      )}
      <SubmitButton pending={pending} pendingLabel="Creating your account…">
        Create admin account
      </SubmitButton>
    </form>
  );
}
