"use client";

import { loadAuditLogAction } from "@/app/(app)/settings/actions";
import { FormError } from "@/components/ui/form-error";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { useLoadMore } from "@/components/ui/use-load-more";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AuditLogView } from "@/lib/audit/list-audit-log";
import { describeAuditEntry } from "./audit/describe-audit-entry";
import { EmptyState, SettingsCell, SettingsRow, SettingsSection, SettingsTable, type Column } from "./settings-section";

const columns: Column[] = [{ label: "When" }, { label: "Who" }, { label: "What" }];

export type AuditLogPage = { entries: AuditLogView[]; nextCursor: string | null };

export function AuditLogSection({ initialPage }: { initialPage: AuditLogPage }) {
  const { items: entries, hasMore, pending, error, loadMore } = useLoadMore(
    { items: initialPage.entries, nextCursor: initialPage.nextCursor },
    async (cursor) => {
      const result = await loadAuditLogAction({ cursor });
      return result.ok ? { ok: true, data: { items: result.data.entries, nextCursor: result.data.nextCursor } } : result;
    },
  );

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
      {hasMore && <LoadMoreButton pending={pending} onClick={() => void loadMore()} />}
    </SettingsSection>
  );
}
