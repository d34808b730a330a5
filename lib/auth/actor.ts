import type { ApiKeyScope, UserRole } from "@/lib/db/schema";

/** Who is doing something: a signed-in staff member or an integration holding an API key. */
export type Actor =
  | { type: "user"; id: string; role: UserRole; name: string }
  | { type: "api_key"; id: string; name: string; scope: ApiKeyScope };

/** Columns for the audit log. */
export function actorColumns(actor: Actor) {
  return actor.type === "user"
    ? { actorUserId: actor.id, actorApiKeyId: null }
    : { actorUserId: null, actorApiKeyId: actor.id };
}
