"use client";

import { useId } from "react";
import type { ActionResult } from "@/app/(app)/action-result";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useValidatedForm } from "@/components/ui/use-validated-form";
import { callOutcomes } from "@/lib/channels/phone/call-constants";
import { callOutcomeLabels } from "@/lib/channels/phone/call-text";
import { logCallForm, type LoggedCallInput } from "@/lib/channels/phone/log-call.validation";

type Props = {
  /** The customer's number, when known. */
  defaultNumber: string;
  onLog: (input: LoggedCallInput) => Promise<ActionResult<{ ticketId: string }>>;
  onLogged: (ticketId: string) => void;
  onCancel: () => void;
};

const fieldStyle =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 aria-invalid:border-red-400";

/** A call that happened outside Twilio: who called whom, the number, how it went, how long, notes. */
export function LogCallForm({ defaultNumber, onLog, onLogged, onCancel }: Props) {
  const id = useId();
  const { submit, fieldErrors, error, pending } = useValidatedForm(logCallForm, onLog, (data) => onLogged(data.ticketId));

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 p-4">
      <fieldset>
        <legend className="text-sm font-medium text-zinc-700">Direction</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <label className="flex items-center gap-1.5 py-1">
            <input type="radio" name="direction" value="outbound" defaultChecked autoFocus /> We called them
          </label>
          <label className="flex items-center gap-1.5 py-1">
            <input type="radio" name="direction" value="inbound" /> They called us
          </label>
        </div>
        {fieldErrors.direction && <p className="mt-1 text-xs text-red-600">{fieldErrors.direction}</p>}
      </fieldset>
      <TextField label="Number" name="number" type="tel" inputMode="tel" autoComplete="off" defaultValue={defaultNumber} placeholder="+1 555 555 0100" error={fieldErrors.number} />
      <div>
        <label htmlFor={`${id}-outcome`} className="block text-sm font-medium text-zinc-700">
          Outcome
        </label>
        <select id={`${id}-outcome`} name="outcome" defaultValue="answered" aria-invalid={fieldErrors.outcome ? true : undefined} className={fieldStyle}>
          {callOutcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {callOutcomeLabels[outcome]}
            </option>
          ))}
        </select>
      </div>
      <TextField label="Duration" name="durationSeconds" inputMode="decimal" autoComplete="off" placeholder="4:05" hint="Minutes, or minutes:seconds" error={fieldErrors.durationSeconds} />
      <div>
        <label htmlFor={`${id}-notes`} className="block text-sm font-medium text-zinc-700">
          Notes
        </label>
        <textarea id={`${id}-notes`} name="notes" rows={3} maxLength={5000} aria-invalid={fieldErrors.notes ? true : undefined} className={fieldStyle} />
        {fieldErrors.notes && <p className="mt-1 text-xs text-red-600">{fieldErrors.notes}</p>}
      </div>
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} pendingLabel="Logging…" size="sm">
          Log call
        </SubmitButton>
        <button type="button" onClick={onCancel} className="rounded-md px-3 py-1.5 text-sm font-medium text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-100">
          Cancel
        </button>
      </div>
    </form>
  );
}
