import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { OutboundEmailListItem } from "@/lib/settings/list-outbound-emails";
import { EmptyState, SettingsCell, SettingsRow, SettingsSection, SettingsTable, type Column } from "./settings-section";

const outboxColumns: Column[] = [
  { label: "To", className: "w-48" },
  { label: "Message" },
  { label: "State", className: "w-28" },
  { label: "Ticket", className: "w-20" },
  { label: "When", className: "w-24" },
];

/** How many of the newest outbound emails the section lists. */
export const outboxLimit = 50;

function firstLine(text: string): string {
  return text.split("\n").find((line) => line.trim())?.trim() ?? "";
}

export function OutboxSection({ emails }: { emails: OutboundEmailListItem[] }) {
  return (
    <SettingsSection
      id="outbox"
      title="Outbox"
      description={
        <>
          Every outgoing mail and where it is: queued, sending, retrying, sent or failed. Without SMTP_URL, mail stays
          queued here. Newest first; the latest {outboxLimit} are listed.
        </>
      }
    >
      {emails.length === 0 ? (
        <EmptyState>
          No outgoing mail yet. Replies to email tickets appear here.
        </EmptyState>
      ) : (
        <SettingsTable label="Outbox" fixed columns={outboxColumns}>
            {emails.map((email) => (
              <SettingsRow key={email.id} className="md:align-top">
                <SettingsCell wide className="truncate text-zinc-600" title={email.toAddress}>
                  {email.toAddress}
                </SettingsCell>
                <SettingsCell wide>
                  <p className="truncate font-medium">{email.subject}</p>
                  <p className="truncate text-zinc-600">{firstLine(email.bodyText)}</p>
                </SettingsCell>
                <SettingsCell wide label="State" className="text-xs" title={email.lastError ?? undefined}>
                  <span className={email.state === "failed" ? "font-medium text-red-700" : "text-zinc-700"}>{email.state}</span>
                  {email.lastError && <p className="truncate text-zinc-600">{email.lastError}</p>}
                </SettingsCell>
                <SettingsCell label="Ticket">
                  <Link href={`/tickets/${email.ticket.id}`} className="font-medium text-indigo-600 hover:text-indigo-500">
                    #{email.ticket.number}
                  </Link>
                </SettingsCell>
                <SettingsCell className="text-right text-xs text-zinc-600 md:text-left">
                  <RelativeTime iso={email.createdAt.toISOString()} />
                </SettingsCell>
              </SettingsRow>
            ))}
        </SettingsTable>
      )}
    </SettingsSection>
  );
}
