import type { Teammate } from "@/lib/users/list-teammates";

const roleLabels = { admin: "Admin", agent: "Agent", staff: "Staff" } as const;

export function TeamList({ team, currentUserId }: { team: Teammate[]; currentUserId: string }) {
  return (
    <section aria-labelledby="team-heading">
      <h2 id="team-heading" className="text-sm font-semibold">
        Team
      </h2>
      <p className="mt-1 text-sm text-zinc-500">Everyone who can sign in. Admins change settings; everyone answers customers.</p>
      <table className="mt-3 w-full overflow-hidden rounded-md bg-white text-sm ring-1 ring-zinc-200">
        <thead className="bg-zinc-50 text-left text-xs text-zinc-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Name</th>
            <th scope="col" className="px-3 py-2 font-medium">Email</th>
            <th scope="col" className="px-3 py-2 font-medium">Role</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {team.map((person) => (
            <tr key={person.id} className={person.active ? undefined : "text-zinc-400"}>
              <td className="px-3 py-2">
                {person.name}
                {person.id === currentUserId && <span className="ml-1.5 text-xs text-zinc-400">(you)</span>}
                {!person.active && <span className="ml-1.5 text-xs">(deactivated)</span>}
              </td>
              <td className="px-3 py-2 text-zinc-600">{person.email}</td>
              <td className="px-3 py-2">{roleLabels[person.role]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
