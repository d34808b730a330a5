import type { AuditLogView } from "@/lib/audit/list-audit-log";

/** One line saying what happened, e.g. "changed Grace Hopper's role from agent to admin". */
export function describeAuditEntry(entry: AuditLogView): string {
  const target = entry.target.name ?? "someone";
  const data = entry.data;
  switch (entry.action) {
    case "teammate.added":
      return `added ${target} as ${String(data.role)}`;
    case "teammate.joined":
      return `joined through company sign-in as ${String(data.role)}`;
    case "teammate.role_changed":
      return `changed ${target}'s role from ${String(data.from)} to ${String(data.to)}`;
    case "teammate.deactivated":
      return `deactivated ${target}${data.openTickets ? ` and handed over ${String(data.openTickets)} open tickets` : ""}`;
    case "teammate.reactivated":
      return `reactivated ${target}`;
    case "api_key.created":
      return `created the API key “${target}”`;
    case "api_key.revoked":
      return `revoked the API key “${target}”`;
    case "channel.created":
      return `set up the ${String(data.kind)} channel “${target}”`;
    case "team.created":
      return `created the team “${target}”`;
    case "team.members_changed": {
      const added = Array.isArray(data.added) ? data.added.length : 0;
      const removed = Array.isArray(data.removed) ? data.removed.length : 0;
      return `changed the members of “${target}” (${added} added, ${removed} removed)`;
    }
    case "channel.addresses_changed":
      return `changed the addresses of “${target}”${listed(" added", data.added)}${listed(" removed", data.removed)}`;
    case "channel.updated":
      return `changed ${Array.isArray(data.changed) ? data.changed.join(", ") : "the settings"} of the channel “${target}”`;
    case "channel.identity_secret_revealed":
      return `revealed the identity secret of the channel “${target}”`;
    case "channel.identity_secret_rotated":
      return `replaced the identity secret of the channel “${target}”`;
    default:
      return `${entry.action} ${target}`;
  }
}

function listed(label: string, addresses: unknown): string {
  return Array.isArray(addresses) && addresses.length ? `;${label} ${addresses.join(", ")}` : "";
}
