import type { ApiKeyScope, UserRole } from "@/lib/db/schema";

/** Who is doing something: a signed-in staff member or an integration holding an API key. */
export type Actor =
  | { type: "user"; id: string; role: UserRole; name: string }
  | { type: "api_key"; id: string; name: string; scope: ApiKeyScope };

/**
 * Touchbase itself acting on what a channel proved, with nobody behind it: the chat widget
 * joining an anonymous visitor to the customer the website signed in. Audited, never
 * given permissions.
 */
export type SystemActor = { type: "system"; name: string };

/** Whoever an audit entry names. */
export type AuditActor = Actor | SystemActor;

/** Columns for the audit log. */
export function actorColumns(actor: AuditActor) {
  if (actor.type === "user") return { actorUserId: actor.id, actorApiKeyId: null };
  if (actor.type === "api_key") return { actorUserId: null, actorApiKeyId: actor.id };
  return { actorUserId: null, actorApiKeyId: null };
}
