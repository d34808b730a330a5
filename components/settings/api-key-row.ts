import type { ApiKeyListItem } from "@/lib/auth/api-keys";
import type { ApiKeyScope } from "@/lib/timeline/timeline-constants";

/** An API key as the settings page shows it: dates as ISO strings, never the secret. */
export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function toApiKeyRow(key: ApiKeyListItem): ApiKeyRow {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scope: key.scope,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}
