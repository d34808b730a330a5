"use client";

import { useState } from "react";
import { revealIdentitySecretAction, rotateIdentitySecretAction } from "@/app/(app)/settings/actions";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import type { ChannelView } from "@/lib/channels/channel-config";
import { OneTimeSecretNotice } from "../one-time-secret-notice";

type Shown = { secret: string; rotated: boolean };

/**
 * The identity secret is never on the page unless an admin asks for it and signs for it
 * again (their password, or without one the channel's name); replacing it asks the same
 * and warns that identities signed with the old one stop working. Both are audited.
 */
export function IdentitySecretControls({ channel }: { channel: ChannelView }) {
  const [confirmation, setConfirmation] = useState("");
  const [confirmingRotation, setConfirmingRotation] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);

  async function run(kind: "reveal" | "rotate") {
    setFieldError(undefined);
    setError(null);
    if (!confirmation) return setFieldError("Enter your password (or, without one, the channel's name) to confirm");
    setPending(true);
    try {
      const action = kind === "reveal" ? revealIdentitySecretAction : rotateIdentitySecretAction;
      const result = await action({ channelId: channel.id, confirmation });
      if (!result.ok) {
        if (result.fieldErrors?.confirmation) setFieldError(result.fieldErrors.confirmation);
        else setError(result.error);
        return;
      }
      setShown({ secret: result.data.identitySecret, rotated: kind === "rotate" });
      setConfirmation("");
      setConfirmingRotation(false);
    } catch {
      setError("Could not reach Touchbase. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  if (shown) {
    return (
      <OneTimeSecretNotice
        label="Identity secret"
        title={shown.rotated ? "The new identity secret: put it on your website's server now" : "The identity secret"}
        description={
          shown.rotated
            ? "Identities signed with the old secret are refused from now on."
            : "Your website's server signs signed-in visitors with it. Keep it there only."
        }
        secret={shown.secret}
        onDismiss={() => setShown(null)}
      />
    );
  }

  return (
    <form
      aria-label={`Identity secret of ${channel.name}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run("reveal");
      }}
      className="flex flex-col gap-2 border-t border-zinc-200 pt-3"
    >
      <h4 className="text-sm font-medium">Identity secret</h4>
      <p className="text-xs text-zinc-600">
        Your website signs its signed-in visitors with it (README: Identifying signed-in visitors). To see it or replace it, confirm
        it is you.
      </p>
      <TextField
        label="Your password"
        hint="Signing in only through your company? Type the channel's name instead."
        type="password"
        autoComplete="current-password"
        value={confirmation}
        onChange={(event) => setConfirmation(event.target.value)}
        error={fieldError}
        className="sm:w-80"
      />
      {confirmingRotation ? (
        <div role="alert" className="flex flex-col gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-600/20">
          <p>Replace the secret? Your website&apos;s identities signed with the current one stop working until it uses the new one.</p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              disabled={pending}
              onClick={() => void run("rotate")}
              className="rounded-md bg-amber-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-600 disabled:opacity-60"
            >
              {pending ? "Replacing…" : "Replace the secret"}
            </button>
            <button type="button" onClick={() => setConfirmingRotation(false)} className="rounded-md px-3 py-1.5 text-sm hover:bg-amber-100">
              Keep the current one
            </button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-white px-3 py-1.5 text-sm font-medium shadow-xs ring-1 ring-zinc-300 hover:bg-zinc-50 disabled:opacity-60"
          >
            {pending ? "Checking…" : "Reveal secret"}
          </button>
          <button
            type="button"
            onClick={() => setConfirmingRotation(true)}
            className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-red-700 shadow-xs ring-1 ring-zinc-300 hover:bg-red-50"
          >
            Replace secret…
          </button>
        </div>
      )}
      <FormError message={error} />
    </form>
  );
}
