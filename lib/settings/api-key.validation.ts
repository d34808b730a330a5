import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";
import { apiKeyScopes } from "@/lib/timeline/timeline-constants";

// Client-safe: used by the settings form and its server actions.
export const createApiKeyInput = z.object({
  name: singleLineText().trim().min(1, "Give the key a name, e.g. the integration that uses it").max(100),
  // `ingest` makes a write key for Segment-compatible sources: it can only send events.
  scope: z.enum(apiKeyScopes).default("full"),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export const revokeApiKeyInput = z.object({ id: z.uuid("Unknown key") });
