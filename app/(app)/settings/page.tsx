import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AuditLogSection } from "@/components/settings/audit-log-section";
import { CustomerLookupsSection } from "@/components/settings/customer-lookups-section";
import { CsvImportSection } from "@/components/settings/csv-import-section";
import { CompanySignInSection } from "@/components/settings/company-sign-in-section";
import { ChannelsSection } from "@/components/settings/channels-section";
import { ApiKeysSection } from "@/components/settings/api-keys-section";
import { toApiKeyRow } from "@/components/settings/api-key-row";
import { OutboxSection, outboxLimit } from "@/components/settings/outbox-section";
import { TeamSection } from "@/components/settings/team-section";
import { TeamsSection } from "@/components/settings/teams-section";
import { listTeams } from "@/lib/teams/list-teams";
import { encodeKeysetCursor } from "@/lib/api/keyset-cursor";
import { auditLogPageSize, listAuditLog } from "@/lib/audit/list-audit-log";
import { listApiKeys } from "@/lib/auth/api-keys";
import { oidcConfig, passwordSignInEnabled } from "@/lib/auth/oidc-config";
import { appUrl } from "@/lib/env";
import { presentChannel } from "@/lib/channels/channel-views";
import { listChannels } from "@/lib/channels/list-channels";
import { listImapHealth } from "@/lib/channels/email/imap-mailbox-state";
import { canManageSettings } from "@/lib/auth/permissions";
import { userActor } from "@/lib/auth/users";
import { customerLookupsPageSize, listCustomerLookups } from "@/lib/customers/list-customer-lookups";
import { db } from "@/lib/db/client";
import { listOutboundEmails } from "@/lib/settings/list-outbound-emails";
import { listTeammates } from "@/lib/users/list-teammates";
import { currentUser } from "../current-user";

export const metadata: Metadata = { title: "Settings · Touchbase" };

export default async function SettingsPage() {
  const user = await currentUser();
  // Explained rather than redirected (settings/forbidden.tsx): someone following a link
  // should learn why.
  if (!canManageSettings(userActor(user))) forbidden();

  const [keys, team, outbox, channels, audit, lookups, teams, imapHealth] = await Promise.all([
    listApiKeys(db()),
    listTeammates(db()),
    listOutboundEmails(db(), { limit: outboxLimit }),
    listChannels(db()),
    listAuditLog(db(), { limit: auditLogPageSize }),
    listCustomerLookups(db(), { limit: customerLookupsPageSize }),
    listTeams(db()),
    listImapHealth(db()),
  ]);
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-10 px-6 py-6">
      <h1 className="text-lg font-semibold">Settings</h1>
      <TeamSection initialTeam={team} currentUserId={user.id} />
      <TeamsSection
        initialTeams={teams}
        people={team.filter((person) => person.active).map(({ id, name }) => ({ id, name }))}
      />
      <CompanySignInSection
        config={oidcConfig()}
        passwordSignIn={passwordSignInEnabled()}
        redirectUrl={`${appUrl()}/api/auth/callback/oidc`}
      />
      <ChannelsSection
        initialChannels={channels.map((channel) => presentChannel(channel, { reveal: false }))}
        imapHealth={imapHealth}
      />
      <ApiKeysSection initialKeys={keys.map(toApiKeyRow)} />
      <OutboxSection emails={outbox} />
      <AuditLogSection
        initialPage={{ entries: audit.entries, nextCursor: audit.nextCursor && encodeKeysetCursor(audit.nextCursor) }}
      />
      <CsvImportSection />
      <CustomerLookupsSection
        initialPage={{ lookups: lookups.lookups, nextCursor: lookups.nextCursor && encodeKeysetCursor(lookups.nextCursor) }}
      />
    </div>
  );
}
