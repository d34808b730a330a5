"use client";

import { signOut } from "next-auth/react";
import { closeAgentSocket } from "@/components/realtime/agent-socket";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => {
        // Signing out ends the session, and the server then drops its sockets: this tab's
        // socket must not take that for an expired session and race to the login page itself.
        closeAgentSocket();
        void signOut({ callbackUrl: "/login" });
      }}
      className="shrink-0 rounded px-2 py-1 text-xs whitespace-nowrap text-zinc-400 hover:bg-zinc-800 hover:text-white"
    >
      Sign out
    </button>
  );
}
