import { z } from "zod";

// Client-safe: used by the settings form and its server actions.
export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name, e.g. the integration that uses it").max(100),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export const revokeApiKeyInput = z.object({ id: z.uuid("Unknown key") });
