"use client";

import { useId, useState } from "react";
import { updateChatChannelAction } from "@/app/(app)/settings/actions";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useValidatedForm } from "@/components/ui/use-validated-form";
import type { ChannelView } from "@/lib/channels/channel-config";
import type { BusinessHours } from "@/lib/channels/chat/business-hours";
import { chatSettingsForm } from "@/lib/channels/chat/chat-settings.validation";
import { IdentitySecretControls } from "./identity-secret-controls";

const dayNames = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" } as const;

const inputClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 aria-invalid:border-red-400";

/** What a chat channel's widget shows and whom it lets in, for an admin to change; and its identity secret. */
export function ChatChannelSettings({ channel, onSaved }: { channel: ChannelView; onSaved: (channel: ChannelView) => void }) {
  const id = useId();
  const [saved, setSaved] = useState(false);
  const { submit, fieldErrors, error, pending } = useValidatedForm(
    chatSettingsForm,
    (input) => {
      setSaved(false);
      return updateChatChannelAction(channel.id, input);
    },
    (stored) => {
      setSaved(true);
      onSaved(stored);
    },
  );
  const errors = fieldErrors as Record<string, string | undefined>;
  const origins = (channel.allowedOrigins as string[]).join("\n");
  const hours = channel.businessHours as BusinessHours | null;

  return (
    <div role="region" aria-label={`Settings of ${channel.name}`} className="flex flex-col gap-4 rounded-md bg-white p-4 ring-1 ring-zinc-200">
      <div>
        <h3 className="text-sm font-semibold">“{channel.name}” chat widget</h3>
        <p className="mt-1 text-xs break-all text-zinc-600">
          Snippet: <code>{String(channel.snippet)}</code>
        </p>
      </div>
      {/* Keyed by the saved channel: after a save the fields start from what was stored. */}
      <form key={channel.updatedAt} onSubmit={submit} aria-label={`Chat settings of ${channel.name}`} noValidate className="flex flex-col gap-3">
        <div>
          <label htmlFor={`${id}-origins`} className="block text-sm font-medium text-zinc-700">
            Websites allowed to show the widget
          </label>
          <textarea
            id={`${id}-origins`}
            name="allowedOrigins"
            rows={2}
            defaultValue={origins}
            aria-invalid={errors.allowedOrigins ? true : undefined}
            aria-describedby={`${id}-origins-help`}
            className={inputClass}
          />
          <p id={`${id}-origins-help`} className={`mt-1 text-xs ${errors.allowedOrigins ? "text-red-600" : "text-zinc-600"}`}>
            {errors.allowedOrigins ?? "One origin per line, e.g. https://shop.acme.example"}
          </p>
        </div>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <TextField label="Greeting" name="greeting" defaultValue={String(channel.greeting ?? "")} placeholder="Hi! How can we help?" error={errors.greeting} />
          <TextField label="Brand colour" name="brandColor" defaultValue={String(channel.brandColor ?? "")} placeholder="#4f46e5" error={errors.brandColor} />
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium text-zinc-700">Visitors</legend>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="preChatForm" defaultChecked={channel.preChatForm === true} className="mt-1" />
            <span>
              Ask for a name and email before the first message <span className="text-zinc-600">(the email is required; visitors the website signed in skip it)</span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="requireIdentity" defaultChecked={channel.requireIdentity === true} className="mt-1" />
            <span>
              Only visitors the website signed in may chat <span className="text-zinc-600">(anonymous visitors are refused)</span>
            </span>
          </label>
        </fieldset>
        <fieldset aria-describedby={`${id}-hours-help`} className="flex flex-col gap-2">
          <legend className="text-sm font-medium text-zinc-700">Business hours</legend>
          <p id={`${id}-hours-help`} className={`text-xs ${errors.businessHours ? "text-red-600" : "text-zinc-600"}`}>
            {errors.businessHours ??
              "Outside these hours (or when no teammate has Touchbase open) the widget says when you will answer and asks for an email; the answer then also goes there. Leave every day empty to be always open."}
          </p>
          <TextField
            label="Time zone"
            name="timeZone"
            defaultValue={hours?.timeZone ?? ""}
            placeholder="Europe/Paris"
            className="sm:w-64"
          />
          <div className="grid grid-cols-[auto_1fr_1fr] items-center gap-x-3 gap-y-1 sm:max-w-md">
            <span className="text-xs font-medium text-zinc-600">Day</span>
            <span className="text-xs font-medium text-zinc-600">Opens</span>
            <span className="text-xs font-medium text-zinc-600">Closes</span>
            {(Object.keys(dayNames) as (keyof typeof dayNames)[]).map((day) => (
              <div key={day} className="contents">
                <span className="text-sm">{dayNames[day]}</span>
                <input
                  type="time"
                  name={`${day}.open`}
                  aria-label={`${dayNames[day]} opens`}
                  defaultValue={hours?.days[day]?.open ?? ""}
                  className={inputClass}
                />
                <input
                  type="time"
                  name={`${day}.close`}
                  aria-label={`${dayNames[day]} closes`}
                  defaultValue={hours?.days[day]?.close ?? ""}
                  className={inputClass}
                />
              </div>
            ))}
          </div>
        </fieldset>
        <div className="flex items-center gap-3">
          <SubmitButton pending={pending} pendingLabel="Saving…" size="sm">
            Save chat settings
          </SubmitButton>
          <p role="status" className="text-sm text-emerald-800">
            {saved && !pending ? "Saved. New chats use these settings." : ""}
          </p>
        </div>
        <FormError message={error} />
      </form>
      <IdentitySecretControls channel={channel} />
    </div>
  );
}
