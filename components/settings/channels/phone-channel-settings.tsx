"use client";

import { useId, useState } from "react";
import { updatePhoneChannelAction } from "@/app/(app)/settings/actions";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useValidatedForm } from "@/components/ui/use-validated-form";
import type { ChannelView } from "@/lib/channels/channel-config";
import { updatePhoneChannelForm } from "@/lib/channels/phone/phone-channel-form";
import { PhoneCallHandlingFields, type CallHandlingDefaults } from "./phone-call-handling-fields";

/** "Call handling" of one phone channel, opened in place: change what callers hear and whom it rings. */
export function PhoneChannelSettings({ channel, onSaved }: { channel: ChannelView; onSaved: (channels: ChannelView[]) => void }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const formId = useId();
  const { submit, fieldErrors, error, pending } = useValidatedForm(
    updatePhoneChannelForm,
    (input) => updatePhoneChannelAction(channel.id, input),
    (data) => {
      setSaved(true);
      setOpen(false);
      onSaved(data.channels);
    },
  );
  const defaults = channel as unknown as CallHandlingDefaults;

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={formId}
          onClick={() => {
            setSaved(false);
            setOpen((shown) => !shown);
          }}
          className="rounded-md px-3 py-1.5 text-sm font-medium text-zinc-800 ring-1 ring-zinc-300 hover:bg-zinc-100"
        >
          Call handling: {channel.name}
        </button>
        <p role="status" className="text-xs text-emerald-700 empty:hidden">
          {saved ? "Saved. The next call uses it." : ""}
        </p>
      </div>
      {open && (
        <dl aria-label={`Twilio webhooks of ${channel.name}`} className="grid grid-cols-1 gap-x-3 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {Object.entries((channel.webhooks ?? {}) as Record<string, string>).map(([name, url]) => (
            <div key={name} className="contents">
              <dt className="font-medium text-zinc-700 capitalize">{name} URL</dt>
              <dd className="font-mono text-xs break-all text-zinc-800">{url}</dd>
            </div>
          ))}
        </dl>
      )}
      {open && (
        <form id={formId} onSubmit={submit} noValidate aria-label={`Call handling of ${channel.name}`} className="grid grid-cols-1 items-start gap-3 rounded-md bg-zinc-50 p-3 ring-1 ring-zinc-200 sm:grid-cols-2">
          <PhoneCallHandlingFields errors={fieldErrors as Record<string, string | undefined>} defaults={defaults} />
          <div className="flex flex-col gap-2 sm:col-span-2">
            <FormError message={error} />
            <div>
              <SubmitButton pending={pending} pendingLabel="Saving…" size="sm">
                Save call handling
              </SubmitButton>
            </div>
          </div>
        </form>
      )}
    </div>
  );
}
