import type { ApiKeyListItem } from "@/lib/auth/api-keys";

/** An API key as the settings page shows it: dates as ISO strings, never the secret. */
export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function toApiKeyRow(key: ApiKeyListItem): ApiKeyRow {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}
