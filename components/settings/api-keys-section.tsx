"use client";

import { useState } from "react";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/(app)/settings/actions";
import { FormError } from "@/components/ui/form-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { createApiKeyInput } from "@/lib/settings/api-key.validation";
import type { ApiKeyScope } from "@/lib/timeline/timeline-constants";
import type { ApiKeyRow } from "./api-key-row";
import { OneTimeSecretNotice } from "./one-time-secret-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { EmptyState, SettingsCell, SettingsRow, SettingsSection, SettingsTable, type Column } from "./settings-section";

const apiKeyColumns: Column[] = [
  { label: "Name" },
  { label: "Key" },
  { label: "Access" },
  { label: "Created" },
  { label: "Last used" },
  { label: "Status" },
  { label: "Actions", hidden: true },
];

const networkError = "Could not reach Touchbase. Check your connection and try again.";

export function ApiKeysSection({ initialKeys }: { initialKeys: ApiKeyRow[] }) {
  const [keys, setKeys] = useState(initialKeys);
  const [name, setName] = useState("");
  const [scope, setScope] = useState<ApiKeyScope>("full");
  const [newKey, setNewKey] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    const parsed = createApiKeyInput.safeParse({ name, scope });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Invalid name");
    setPending(true);
    setError(null);
    try {
      const result = await createApiKeyAction(parsed.data);
      if (!result.ok) return setError(result.error);
      setKeys(result.data.keys);
      setNewKey(result.data.key);
      setName("");
    } catch {
      setError(networkError);
    } finally {
      setPending(false);
    }
  }

  async function revoke(id: string) {
    setPending(true);
    setError(null);
    try {
      const result = await revokeApiKeyAction({ id });
      if (!result.ok) return setError(result.error);
      setKeys(result.data.keys);
      setConfirming(null);
    } catch {
      setError(networkError);
    } finally {
      setPending(false);
    }
  }

  return (
    <SettingsSection
      id="api-keys"
      title="API keys"
      description="Integrations use a key as a bearer token for the REST API. A write key can only send events (Segment-compatible sources use it as their write key). Revoking a key stops it working at once."
    >

      <form onSubmit={create} className="flex items-end gap-2">
        <div className="flex-1">
          <label htmlFor="api-key-name" className="block text-xs font-medium text-zinc-600">
            Key name
          </label>
          <input
            id="api-key-name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="e.g. Zapier, order sync"
            className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20"
          />
        </div>
        <div>
          <label htmlFor="api-key-scope" className="block text-xs font-medium text-zinc-600">
            Access
          </label>
          <select
            id="api-key-scope"
            value={scope}
            onChange={(event) => setScope(event.target.value as ApiKeyScope)}
            className="mt-1 block rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20"
          >
            <option value="full">Full API</option>
            <option value="ingest">Write key (send events only)</option>
          </select>
        </div>
        <SubmitButton pending={pending} size="sm">
          Create key
        </SubmitButton>
      </form>

      <FormError message={error} />
      {newKey && (
        <OneTimeSecretNotice
          label="New API key"
          title="Copy your new API key now"
          description="It won't be shown again. Store it somewhere safe."
          secret={newKey}
          onDismiss={() => setNewKey(null)}
        />
      )}

      {keys.length === 0 ? (
        <EmptyState>
          No API keys yet.
        </EmptyState>
      ) : (
        <SettingsTable label="API keys" columns={apiKeyColumns}>
            {keys.map((key) => (
              <SettingsRow key={key.id} className={key.revokedAt ? "text-zinc-500" : undefined}>
                <SettingsCell className="truncate font-medium">{key.name}</SettingsCell>
                <SettingsCell className="font-mono text-xs">{key.prefix}…</SettingsCell>
                <SettingsCell wide className="text-xs">
                  {key.scope === "ingest" ? "Write key (events only)" : "Full API"}
                </SettingsCell>
                <SettingsCell label="Created" className="text-xs">
                  <RelativeTime iso={key.createdAt} />
                </SettingsCell>
                <SettingsCell label="Last used" className="text-xs">
                  {key.lastUsedAt ? <RelativeTime iso={key.lastUsedAt} /> : "Never"}
                </SettingsCell>
                <SettingsCell className="text-xs">
                  {key.revokedAt ? (
                    <span>Revoked</span>
                  ) : (
                    <span className="font-medium text-emerald-700">Active</span>
                  )}
                </SettingsCell>
                <SettingsCell className="text-right md:whitespace-nowrap">
                  {!key.revokedAt &&
                    (confirming === key.id ? (
                      <span className="inline-flex flex-wrap items-center justify-end gap-2 text-xs">
                        <span className="text-zinc-600">Revoke? Integrations using it stop working.</span>
                        <button
                          type="button"
                          disabled={pending}
                          onClick={() => void revoke(key.id)}
                          className="rounded bg-red-600 px-2 py-1 font-medium text-white hover:bg-red-500 disabled:opacity-60"
                        >
                          Confirm revoke
                        </button>
                        <button
                          type="button"
                          onClick={() => setConfirming(null)}
                          className="rounded px-2 py-1 text-zinc-600 hover:bg-zinc-100"
                        >
                          Cancel
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        aria-label={`Revoke ${key.name}`}
                        onClick={() => setConfirming(key.id)}
                        className="rounded px-2 py-1 text-xs font-medium text-red-600 hover:bg-red-50"
                      >
                        Revoke
                      </button>
                    ))}
                </SettingsCell>
              </SettingsRow>
            ))}
        </SettingsTable>
      )}
    </SettingsSection>
  );
}
