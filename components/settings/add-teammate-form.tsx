"use client";

import { useId } from "react";
import { addTeammateAction } from "@/app/(app)/settings/actions";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import type { Teammate } from "@/lib/users/list-teammates";
import { addTeammateInput } from "@/lib/users/teammate.validation";
import { roleLabels, userRoles } from "@/lib/users/user-roles";
import { SubmitButton } from "@/components/ui/submit-button";
import { useValidatedForm } from "@/components/ui/use-validated-form";


export type AddedTeammate = { teammate: Teammate; temporaryPassword: string; team: Teammate[] };

export function AddTeammateForm({ onAdded }: { onAdded: (added: AddedTeammate) => void }) {
  const roleId = useId();
  const { submit, fieldErrors, error, pending } = useValidatedForm(addTeammateInput, addTeammateAction, onAdded);

  return (
    <form onSubmit={submit} aria-label="Add teammate" noValidate className="flex flex-col gap-3">
      <div className="grid grid-cols-1 items-start gap-3 sm:grid-cols-[1fr_1fr_9rem_auto]">
        <TextField label="Name" name="name" autoComplete="off" required error={fieldErrors.name} />
        <TextField label="Email" name="email" type="email" autoComplete="off" required error={fieldErrors.email} />
        <div>
          <label htmlFor={roleId} className="block text-sm font-medium text-zinc-700">
            Role
          </label>
          <select
            id={roleId}
            name="role"
            defaultValue="agent"
            className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20"
          >
            {userRoles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton pending={pending} pendingLabel="Adding…" size="sm" className="mt-6">
          Add teammate
        </SubmitButton>
      </div>
      <p className="text-xs text-zinc-600">Touchbase makes a temporary password for you to pass on.</p>
      <FormError message={error} />
    </form>
  );
}
