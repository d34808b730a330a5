"use client";

import { useId, useState } from "react";
import type { ActionResult } from "@/app/(app)/action-result";
import { DialogButton } from "@/components/ui/dialog-button";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useValidatedForm } from "@/components/ui/use-validated-form";
import type { CallingChannel } from "@/lib/channels/phone/calling-channels";
import { startCallForm, type StartCallInput } from "@/lib/channels/phone/start-call.validation";

type Props = {
  /** The customer's number, when known. */
  number: string;
  /** Phone channels that can place calls; none: a tel: link for this device's phone. */
  channels: CallingChannel[];
  onStart: (input: StartCallInput) => Promise<ActionResult<{ ticketId: string }>>;
  onStarted?: (ticketId: string) => void;
};

const linkStyle = "self-start rounded-md px-3 py-1.5 text-sm font-medium text-indigo-700 ring-1 ring-zinc-300 hover:bg-zinc-100";

/**
 * Calling a customer: through Twilio (your phone rings first, then the customer's, shown
 * the channel's number) when a phone channel has agents' numbers, else from this device.
 */
export function CallCustomerButton({ number, channels, onStart, onStarted }: Props) {
  const [calling, setCalling] = useState<string | null>(null);
  if (channels.length === 0) {
    return number ? (
      <a href={`tel:${number}`} className={linkStyle}>
        Call {number}
      </a>
    ) : null;
  }
  return (
    <div className="flex flex-col gap-1">
      <DialogButton label="Call" title="Call the customer">
        {(close) => (
          <StartCallForm
            number={number}
            channels={channels}
            onStart={onStart}
            onCancel={close}
            onStarted={(ticketId, agentNumber) => {
              setCalling(agentNumber);
              close();
              onStarted?.(ticketId);
            }}
          />
        )}
      </DialogButton>
      <p role="status" className="text-xs text-emerald-700 empty:hidden">
        {calling ? `Calling: your phone (${calling}) rings first, then the customer's.` : ""}
      </p>
    </div>
  );
}

function StartCallForm({
  number,
  channels,
  onStart,
  onStarted,
  onCancel,
}: Omit<Props, "onStarted"> & { onStarted: (ticketId: string, agentNumber: string) => void; onCancel: () => void }) {
  const id = useId();
  const { submit, fieldErrors, error, pending } = useValidatedForm(startCallForm, onStart, (data, input) =>
    onStarted(data.ticketId, input.agentNumber),
  );
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 p-4">
      <TextField label="Customer's number" name="number" type="tel" inputMode="tel" autoComplete="off" defaultValue={number} autoFocus error={fieldErrors.number} />
      <div>
        <label htmlFor={`${id}-ring`} className="block text-sm font-medium text-zinc-700">
          Ring me at
        </label>
        <select
          id={`${id}-ring`}
          name="agentNumber"
          aria-invalid={fieldErrors.agentNumber ? true : undefined}
          aria-describedby={`${id}-ring-help`}
          className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20"
        >
          {channels.flatMap((channel) =>
            channel.agentNumbers.map((agentNumber) => (
              <option key={`${channel.id}|${agentNumber}`} value={`${channel.id}|${agentNumber}`}>
                {agentNumber} ({channel.name}, shown as {channel.phoneNumber})
              </option>
            )),
          )}
        </select>
        <p id={`${id}-ring-help`} className={`mt-1 text-xs ${fieldErrors.agentNumber ? "text-red-600" : "text-zinc-600"}`}>
          {fieldErrors.agentNumber ?? "This phone rings first; when you pick up, Touchbase dials the customer."}
        </p>
      </div>
      <FormError message={error} />
      <div className="flex flex-wrap items-center gap-2">
        <SubmitButton pending={pending} pendingLabel="Calling…" size="sm">
          Start call
        </SubmitButton>
        <button type="button" onClick={onCancel} className="rounded-md px-3 py-1.5 text-sm font-medium text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-100">
          Cancel
        </button>
        {number && (
          <a href={`tel:${number}`} className="px-1 py-1.5 text-sm text-indigo-700 underline">
            Call from this device instead
          </a>
        )}
      </div>
    </form>
  );
}
