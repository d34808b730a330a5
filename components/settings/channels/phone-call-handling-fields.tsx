import { useId } from "react";
import { TextField } from "@/components/ui/text-field";

const boxStyle =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 aria-invalid:border-red-400";

export type CallHandlingDefaults = { greeting: string; agentNumbers: string[]; voicemail: boolean; recordCalls: boolean };

/** How a phone channel answers: what callers hear, whom it rings, voicemail, recording. */
export function PhoneCallHandlingFields({ errors, defaults }: { errors: Record<string, string | undefined>; defaults?: CallHandlingDefaults }) {
  const id = useId();
  return (
    <>
      <TextField
        label="Greeting"
        name="greeting"
        className="sm:col-span-2"
        defaultValue={defaults?.greeting}
        placeholder="Thanks for calling Acme. Please hold while we connect you."
        hint="Read out to every caller first."
        error={errors.greeting}
      />
      <div className="sm:col-span-2">
        <label htmlFor={`${id}-agents`} className="block text-sm font-medium text-zinc-700">
          Agents’ numbers
        </label>
        <textarea
          id={`${id}-agents`}
          name="agentNumbers"
          rows={2}
          defaultValue={defaults?.agentNumbers.join("\n")}
          placeholder="+15555550101"
          aria-invalid={errors.agentNumbers ? true : undefined}
          aria-describedby={`${id}-agents-help`}
          className={boxStyle}
        />
        <p id={`${id}-agents-help`} className={`mt-1 text-xs ${errors.agentNumbers ? "text-red-600" : "text-zinc-600"}`}>
          {errors.agentNumbers ?? "Rung at once when a call comes in, one E.164 number per line (+15555550101). None: nobody answers."}
        </p>
      </div>
      <Switch name="voicemail" label="Take a voicemail when nobody answers" defaultChecked={defaults?.voicemail ?? true} error={errors.voicemail} />
      <Switch name="recordCalls" label="Record answered calls (say so in the greeting)" defaultChecked={defaults?.recordCalls ?? false} error={errors.recordCalls} />
    </>
  );
}

/** A checkbox that posts "false" when unticked, so that off is a choice rather than a missing field. */
function Switch({ name, label, defaultChecked, error }: { name: string; label: string; defaultChecked: boolean; error?: string }) {
  return (
    <div>
      <input type="hidden" name={name} value="false" />
      <label className="flex items-center gap-2 py-1 text-sm text-zinc-700">
        <input type="checkbox" name={name} defaultChecked={defaultChecked} className="size-4 rounded border-zinc-300" />
        {label}
      </label>
      {error && <p className="mt-1 text-xs text-red-600">{error}</p>}
    </div>
  );
}
