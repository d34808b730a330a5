"use client";

import { useId, useState } from "react";
import type { Teammate } from "@/lib/users/list-teammates";
import { roleLabels, userRoles, type UserRole } from "@/lib/users/user-roles";
import { SettingsCell, SettingsRow } from "./settings-section";

type Props = {
  person: Teammate;
  isYou: boolean;
  pending: boolean;
  onRoleChange: (role: UserRole) => void;
  /** Who could take over their open tickets when they are deactivated. */
  takers: Teammate[];
  onActiveChange: (active: boolean, handTicketsTo: string | null) => void;
};

export function TeammateRow({ person, isYou, pending, takers, onRoleChange, onActiveChange }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [handTo, setHandTo] = useState("");
  const handToId = useId();
  const verb = person.active ? "Deactivate" : "Reactivate";
  const consequence = person.active
    ? isYou
      ? "You will be signed out at once."
      : "They are signed out at once."
    : "They can sign in again with their password.";

  return (
    <SettingsRow className={person.active ? undefined : "text-zinc-500"}>
      <SettingsCell wide className="font-medium md:font-normal">
        {person.name}
        {isYou && <span className="ml-1.5 text-xs text-zinc-600">(you)</span>}
      </SettingsCell>
      <SettingsCell wide className="truncate text-zinc-600" title={person.email}>
        {person.email}
      </SettingsCell>
      <SettingsCell>
        <select
          aria-label={`Role of ${person.name}`}
          value={person.role}
          disabled={pending}
          onChange={(event) => onRoleChange(event.target.value as UserRole)}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 disabled:opacity-60"
        >
          {userRoles.map((role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </select>
      </SettingsCell>
      <SettingsCell className="text-right text-xs md:text-left">
        {person.active ? <span className="font-medium text-emerald-700">Active</span> : <span>Deactivated</span>}
      </SettingsCell>
      <SettingsCell wide className="text-right">
        {confirming ? (
          <div className="flex flex-col items-end gap-1.5 text-xs">
            <p className="text-zinc-600">
              {verb} {person.name}? {consequence}
            </p>
            {person.active && (
              <div className="flex items-center gap-1.5">
                <label htmlFor={handToId} className="text-zinc-600">
                  Their open tickets go to
                </label>
                <select
                  id={handToId}
                  value={handTo}
                  onChange={(event) => setHandTo(event.target.value)}
                  className="rounded-md border border-zinc-300 bg-white px-1.5 py-0.5 text-xs"
                >
                  <option value="">the unassigned queue</option>
                  {takers.map((taker) => (
                    <option key={taker.id} value={taker.id}>
                      {taker.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="flex gap-2">
              <button
                type="button"
                disabled={pending}
                onClick={() => {
                  setConfirming(false);
                  onActiveChange(!person.active, handTo || null);
                }}
                className={`rounded px-2 py-1 font-medium text-white disabled:opacity-60 ${
                  person.active ? "bg-red-600 hover:bg-red-500" : "bg-indigo-600 hover:bg-indigo-500"
                }`}
              >
                Confirm {verb.toLowerCase()}
              </button>
              <button
                type="button"
                onClick={() => setConfirming(false)}
                className="rounded px-2 py-1 text-zinc-600 hover:bg-zinc-100"
              >
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            aria-label={`${verb} ${person.name}`}
            disabled={pending}
            onClick={() => setConfirming(true)}
            className={`rounded px-2 py-1 text-xs font-medium disabled:opacity-60 ${
              person.active ? "text-red-600 hover:bg-red-50" : "text-indigo-600 hover:bg-indigo-50"
            }`}
          >
            {verb}
          </button>
        )}
      </SettingsCell>
    </SettingsRow>
  );
}
