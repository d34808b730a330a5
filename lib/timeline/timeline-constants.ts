// Plain values shared by the database schema, the timeline queries and client-side code.

/** What a touchpoint is about; each has its own icon and summary line on the timeline. */
export const touchpointFamilies = [
  "order",
  "website_visit",
  "marketing_email",
  "review",
  "social",
  "store_visit",
  "ad",
  "survey",
  "custom",
] as const;
export type TouchpointFamily = (typeof touchpointFamilies)[number];

/** Entries the timeline derives from tickets: nobody sends them, they are read from the tickets themselves. */
export const supportFamilies = ["ticket", "message", "call"] as const;
export type SupportFamily = (typeof supportFamilies)[number];

export const timelineFamilies = [...touchpointFamilies, ...supportFamilies] as const;
export type TimelineFamily = (typeof timelineFamilies)[number];

export const apiKeyScopes = ["full", "ingest"] as const;
/** `full` may use the whole API; `ingest` (a Segment-style write key) may only send events. */
export type ApiKeyScope = (typeof apiKeyScopes)[number];
