import type { Actor } from "./actor";

// Customer experience is everyone's job: every staff role reads and answers every
// ticket and customer. Only admins change settings. An `ingest` API key (a Segment-style
// write key, often embedded in a website) sends events and can do nothing else.

export function canWorkTickets(actor: Actor): boolean {
  return actor.type === "api_key" ? actor.scope === "full" : ["admin", "agent", "staff"].includes(actor.role);
}

/** Reading customers and their timelines: the same people who work tickets. */
export function canReadCustomers(actor: Actor): boolean {
  return canWorkTickets(actor);
}

/** Sending touchpoints and identities through the Segment-compatible API: any API key. */
export function canIngestEvents(actor: Actor): boolean {
  return actor.type === "api_key";
}

export function canManageSettings(actor: Actor): boolean {
  return actor.type === "user" && actor.role === "admin";
}

// An API key is made by an admin for an integration, so it may do what admins do through
// the API: set up channels, read the audit log. A write key (scope "ingest") sends events
// and nothing else.
export function canManageWorkspace(actor: Actor): boolean {
  return (actor.type === "api_key" && actor.scope === "full") || canManageSettings(actor);
}
