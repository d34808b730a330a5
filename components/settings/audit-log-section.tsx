"use client";

import { useState } from "react";
import { loadAuditLogAction } from "@/app/(app)/settings/actions";
import { FormError } from "@/components/ui/form-error";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AuditLogView } from "@/lib/audit/list-audit-log";
import { describeAuditEntry } from "./audit/describe-audit-entry";
import { EmptyState, SettingsCell, SettingsRow, SettingsSection, SettingsTable, type Column } from "./settings-section";

const columns: Column[] = [{ label: "When" }, { label: "Who" }, { label: "What" }];

export type AuditLogPage = { entries: AuditLogView[]; nextCursor: string | null };

export function AuditLogSection({ initialPage }: { initialPage: AuditLogPage }) {
  const [entries, setEntries] = useState(initialPage.entries);
  const [cursor, setCursor] = useState(initialPage.nextCursor);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadMore() {
    if (!cursor) return;
    setPending(true);
    setError(null);
    try {
      const result = await loadAuditLogAction({ cursor });
      if (!result.ok) return setError(result.error);
      setEntries((shown) => [...shown, ...result.data.entries]);
      setCursor(result.data.nextCursor);
    } catch {
      setError("Could not reach Touchbase. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <SettingsSection
      id="audit-log"
      title="Audit log"
      description="Who changed the team and the settings, newest first. Also at GET /api/v1/audit-log."
    >
      {entries.length === 0 ? (
        <EmptyState>Nothing has changed yet.</EmptyState>
      ) : (
        <SettingsTable label="Audit log" columns={columns}>
          {entries.map((entry) => (
            <SettingsRow key={entry.id}>
              {/* On phones: who and when on one line, what below. */}
              <SettingsCell className="order-2 text-right text-xs whitespace-nowrap md:order-none md:text-left">
                <RelativeTime iso={entry.createdAt} />
              </SettingsCell>
              <SettingsCell className="order-1 font-medium md:order-none md:font-normal">
                {entry.actor.name}
                {entry.actor.type === "api_key" && <span className="ml-1 text-xs text-zinc-600">(API key)</span>}
              </SettingsCell>
              <SettingsCell wide className="order-3 md:order-none">
                {describeAuditEntry(entry)}
              </SettingsCell>
            </SettingsRow>
          ))}
        </SettingsTable>
      )}
      <FormError message={error} />
      {cursor && (
        <button
          type="button"
          disabled={pending}
          onClick={() => void loadMore()}
          className="self-start rounded-md px-3 py-1.5 text-sm font-medium text-indigo-700 ring-1 ring-zinc-300 hover:bg-zinc-50 disabled:opacity-60"
        >
          {pending ? "Loading…" : "Load more"}
        </button>
      )}
    </SettingsSection>
  );
}
