"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { createFirstAdminAction } from "@/app/setup/actions";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { firstAdminInput, type FirstAdminInput } from "@/lib/users/first-admin.validation";
import { minPasswordLength } from "@/lib/users/password.validation";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrorsOf, type FieldErrors } from "@/components/ui/field-errors";


export function SetupForm() {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<FirstAdminInput>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = firstAdminInput.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    setError(null);
    setPending(true);
    try {
      const result = await createFirstAdminAction(parsed.data);
      if (!result.ok) {
        setError(result.error);
        setPending(false);
        return;
      }
      const signedIn = await signIn("credentials", {
        email: parsed.data.email,
        password: parsed.data.password,
        redirect: false,
      });
      window.location.assign(signedIn?.ok && !signedIn.error ? "/inbox" : "/login");
    } catch {
      setError("Could not reach Touchbase. Check your connection and try again.");
      setPending(false);
    }
  }

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
        hint={`At least ${minPasswordLength} characters`}
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
