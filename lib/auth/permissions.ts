import type { Actor } from "./actor";

// Customer experience is everyone's job: every staff role reads and answers every
// ticket. Only admins change settings.

export function canWorkTickets(actor: Actor): boolean {
  return actor.type === "api_key" || ["admin", "agent", "staff"].includes(actor.role);
}

export function canManageSettings(actor: Actor): boolean {
  return actor.type === "user" && actor.role === "admin";
}

// An API key is made by an admin for an integration, so it may do what admins do through
// the API: set up channels, read the audit log.
export function canManageWorkspace(actor: Actor): boolean {
  return actor.type === "api_key" || canManageSettings(actor);
}
