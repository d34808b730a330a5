"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { fieldErrorsOf, type FieldErrors } from "@/components/ui/field-errors";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { signInUnavailableError, tooManySignInAttemptsError } from "@/lib/auth/sign-in-errors";
import { signInInput, type SignInInput } from "@/lib/auth/sign-in.validation";
import { SubmitButton } from "@/components/ui/submit-button";

const signInErrorMessages: Record<string, string> = {
  [tooManySignInAttemptsError]: "Too many sign-in attempts. Try again in a few minutes.",
  [signInUnavailableError]: "Sign-in is unavailable right now. Please try again in a moment.",
};

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<SignInInput>>({});
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    // An empty field is named as such, not reported as a wrong password.
    const parsed = signInInput.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!result?.ok || result.error) {
        setError(signInErrorMessages[result?.error ?? ""] ?? "Wrong email or password");
        setPending(false);
        return;
      }
      // A full load, so the server renders the app and the realtime socket starts with the new cookie.
      window.location.assign(callbackUrl);
    } catch {
      setError("Could not reach Touchbase. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        error={fieldErrors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrors.password}
      />
      <FormError message={error} />
      <SubmitButton pending={pending} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
