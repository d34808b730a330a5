"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** "Sign in with <company>": the whole flow happens at the company's identity provider. */
export function CompanySignInButton({ providerId, name, callbackUrl }: { providerId: string; name: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn(providerId, { callbackUrl }).catch(() => setPending(false));
      }}
      className="w-full rounded-md bg-zinc-900 px-3 py-2 text-sm font-medium text-white shadow-xs hover:bg-zinc-700 disabled:opacity-60"
    >
      {pending ? "Redirecting…" : `Sign in with ${name}`}
    </button>
  );
}
