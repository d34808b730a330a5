"use client";

import { useId, useState } from "react";
import { createTeamAction, setTeamMembersAction } from "@/app/(app)/settings/actions";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useValidatedForm } from "@/components/ui/use-validated-form";
import type { TeamView } from "@/lib/teams/list-teams";
import { createTeamInput } from "@/lib/teams/team.validation";
import { EmptyState, SettingsCell, SettingsRow, SettingsSection, SettingsTable, type Column } from "./settings-section";

type Person = { id: string; name: string };

const columns: Column[] = [{ label: "Team", className: "w-48" }, { label: "Members" }, { label: "Actions", className: "w-28", hidden: true }];

const networkError = "Could not reach Touchbase. Check your connection and try again.";

/** Admins make teams and put people in them; each ticket belongs to one team, and each team has a view in the inbox. */
export function TeamsSection({ initialTeams, people }: { initialTeams: TeamView[]; people: Person[] }) {
  const [teams, setTeams] = useState(initialTeams);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { submit, fieldErrors, error: createError, pending } = useValidatedForm(createTeamInput, createTeamAction, (data) =>
    setTeams(data.teams),
  );

  async function saveMembers(teamId: string, memberIds: string[]) {
    setError(null);
    try {
      const result = await setTeamMembersAction({ teamId, memberIds });
      if (!result.ok) return setError(result.error);
      setTeams(result.data.teams);
      setEditing(null);
    } catch {
      setError(networkError);
    }
  }

  return (
    <SettingsSection id="teams" title="Teams" description="Groups who share a queue. Every ticket can belong to a team; each team gets a view in the inbox.">
      <form onSubmit={submit} aria-label="Create team" noValidate className="flex items-start gap-3">
        <TextField label="Team name" name="name" autoComplete="off" required error={fieldErrors.name} className="flex-1 sm:max-w-xs" />
        <SubmitButton pending={pending} pendingLabel="Creating…" size="sm" className="mt-6">
          Create team
        </SubmitButton>
      </form>
      <FormError message={createError ?? error} />
      {teams.length === 0 ? (
        <EmptyState>No teams yet.</EmptyState>
      ) : (
        <SettingsTable label="Teams" fixed columns={columns}>
          {teams.map((team) => (
            <SettingsRow key={team.id}>
              <SettingsCell className="font-medium">{team.name}</SettingsCell>
              <SettingsCell label="Members" wide className="text-zinc-700">
                {editing === team.id ? (
                  <MembersForm team={team} people={people} onSave={(ids) => void saveMembers(team.id, ids)} onCancel={() => setEditing(null)} />
                ) : team.members.length > 0 ? (
                  team.members.map((member) => member.name).join(", ")
                ) : (
                  <span className="text-zinc-600">Nobody yet</span>
                )}
              </SettingsCell>
              <SettingsCell className="md:text-right">
                {editing !== team.id && (
                  <button
                    type="button"
                    onClick={() => setEditing(team.id)}
                    className="rounded px-2 py-1 text-xs font-medium text-indigo-700 ring-1 ring-zinc-300 hover:bg-zinc-50"
                  >
                    Members<span className="sr-only"> of {team.name}</span>
                  </button>
                )}
              </SettingsCell>
            </SettingsRow>
          ))}
        </SettingsTable>
      )}
    </SettingsSection>
  );
}

function MembersForm({
  team,
  people,
  onSave,
  onCancel,
}: {
  team: TeamView;
  people: Person[];
  onSave: (memberIds: string[]) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [chosen, setChosen] = useState(() => new Set(team.members.map((member) => member.id)));
  return (
    <fieldset aria-labelledby={`${id}-legend`} className="flex flex-col gap-2">
      <legend id={`${id}-legend`} className="sr-only">
        Members of {team.name}
      </legend>
      <div className="grid max-h-56 grid-cols-1 gap-1 overflow-y-auto sm:grid-cols-2">
        {people.map((person) => (
          <label key={person.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={chosen.has(person.id)}
              onChange={(event) =>
                setChosen((current) => {
                  const next = new Set(current);
                  if (event.target.checked) next.add(person.id);
                  else next.delete(person.id);
                  return next;
                })
              }
            />
            {person.name}
          </label>
        ))}
      </div>
      <div className="flex gap-2">
        <button type="button" onClick={() => onSave([...chosen])} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500">
          Save members
        </button>
        <button type="button" onClick={onCancel} className="rounded-md px-3 py-1.5 text-sm text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-50">
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
