"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/login" })}
      className="shrink-0 rounded px-2 py-1 text-xs whitespace-nowrap text-zinc-400 hover:bg-zinc-800 hover:text-white"
    >
      Sign out
    </button>
  );
}
