"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  changeTeammateRoleAction,
  deactivateTeammateAction,
  reactivateTeammateAction,
} from "@/app/(app)/settings/actions";
import type { ActionResult } from "@/app/(app)/action-result";
import { FormError } from "@/components/ui/form-error";
import type { Teammate } from "@/lib/users/list-teammates";
import type { UserRole } from "@/lib/users/user-roles";
import { AddTeammateForm, type AddedTeammate } from "./add-teammate-form";
import { OneTimeSecretNotice } from "./one-time-secret-notice";
import { TeammateRow } from "./teammate-row";
import { SettingsSection, SettingsTable, type Column } from "./settings-section";

const teamColumns: Column[] = [
  { label: "Name" },
  { label: "Email" },
  { label: "Role", className: "w-28" },
  { label: "Status", className: "w-24" },
  { label: "Actions", className: "w-56", hidden: true },
];

const networkError = "Could not reach Touchbase. Check your connection and try again.";

export function TeamSection({ initialTeam, currentUserId }: { initialTeam: Teammate[]; currentUserId: string }) {
  const router = useRouter();
  const [team, setTeam] = useState(initialTeam);
  const [added, setAdded] = useState<AddedTeammate | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function change(userId: string, call: () => Promise<ActionResult<{ team: Teammate[] }>>) {
    setPendingId(userId);
    setError(null);
    try {
      const result = await call();
      if (!result.ok) return setError(result.error);
      setTeam(result.data.team);
      // Stepping down or deactivating yourself ends your access to this page (or to the app).
      const you = result.data.team.find((person) => person.id === currentUserId);
      if (!you || you.role !== "admin" || !you.active) router.refresh();
    } catch {
      setError(networkError);
    } finally {
      setPendingId(null);
    }
  }

  const changeRole = (userId: string, role: UserRole) => change(userId, () => changeTeammateRoleAction({ userId, role }));
  const setActive = (userId: string, active: boolean, handTicketsTo: string | null) =>
    change(userId, () =>
      active ? reactivateTeammateAction({ userId }) : deactivateTeammateAction({ userId, handTicketsTo }),
    );

  return (
    <SettingsSection
      id="team"
      title="Team"
      description="Everyone who can sign in. Admins change settings; everyone answers customers."
    >

      <AddTeammateForm
        onAdded={(result) => {
          setAdded(result);
          setTeam(result.team);
        }}
      />
      {added && (
        <OneTimeSecretNotice
          label="Temporary password"
          title={`Copy ${added.teammate.name}'s temporary password now`}
          description={`It won't be shown again. Send it to them privately; they sign in as ${added.teammate.email}.`}
          secret={added.temporaryPassword}
          onDismiss={() => setAdded(null)}
        />
      )}

      <FormError message={error} />
      <SettingsTable label="Team" fixed columns={teamColumns}>
          {team.map((person) => (
            <TeammateRow
              key={person.id}
              person={person}
              isYou={person.id === currentUserId}
              pending={pendingId === person.id}
              onRoleChange={(role) => void changeRole(person.id, role)}
              takers={team.filter((other) => other.active && other.id !== person.id)}
              onActiveChange={(active, handTicketsTo) => void setActive(person.id, active, handTicketsTo)}
            />
          ))}
      </SettingsTable>
    </SettingsSection>
  );
}
