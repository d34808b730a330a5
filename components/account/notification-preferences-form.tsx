"use client";

import { useState } from "react";
import { changeNotificationPreferencesAction } from "@/app/(app)/account/actions";
import { FormError } from "@/components/ui/form-error";
import type { NotificationPreferences } from "@/lib/users/notification-preferences.validation";

const rows = [
  { what: "When someone mentions you in a note", inApp: "mentionsInApp", byEmail: "mentionsByEmail" },
  { what: "When someone assigns you a ticket", inApp: "assignmentsInApp", byEmail: "assignmentsByEmail" },
] as const;

/** Which notifications reach this person, in the app and by mail; each box saves as it is ticked. */
export function NotificationPreferencesForm({ initial }: { initial: NotificationPreferences }) {
  const [preferences, setPreferences] = useState(initial);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function toggle(key: keyof NotificationPreferences, value: boolean) {
    const before = preferences;
    const next = { ...preferences, [key]: value };
    setPreferences(next);
    setStatus("");
    setError(null);
    const result = await changeNotificationPreferencesAction(next);
    if (result.ok) setStatus("Saved");
    else {
      setPreferences(before);
      setError(result.error);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <table className="w-full rounded-md bg-white text-sm ring-1 ring-zinc-200">
        <thead>
          <tr className="text-left text-xs text-zinc-600">
            <th scope="col" className="px-4 py-2 font-medium">
              Notify me
            </th>
            <th scope="col" className="w-20 px-2 py-2 text-center font-medium">
              In the app
            </th>
            <th scope="col" className="w-20 px-2 py-2 text-center font-medium">
              By mail
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.what} className="border-t border-zinc-100">
              <th scope="row" className="px-4 py-2 text-left font-normal">
                {row.what}
              </th>
              {[
                { key: row.inApp, label: `${row.what}: in the app` },
                { key: row.byEmail, label: `${row.what}: by mail` },
              ].map(({ key, label }) => (
                <td key={key} className="px-2 py-2 text-center">
                  <input
                    type="checkbox"
                    aria-label={label}
                    checked={preferences[key]}
                    onChange={(event) => void toggle(key, event.target.checked)}
                    className="size-5 accent-indigo-600"
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" className="min-h-4 text-xs text-zinc-600">
        {status}
      </p>
      <FormError message={error} />
    </div>
  );
}
