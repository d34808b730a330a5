import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";

// Client-safe: the Settings form and the API share these.

export const teamName = singleLineText().trim().min(1, "Give the team a name").max(80, "At most 80 characters");

export const createTeamInput = z.strictObject({
  name: teamName,
  /** Its first members: user ids. */
  memberIds: z.array(z.uuid({ error: "Must be a user id" })).max(500).default([]),
});
export type CreateTeamInput = z.infer<typeof createTeamInput>;

export const setTeamMembersInput = z.strictObject({
  teamId: z.uuid({ error: "Unknown team" }),
  memberIds: z.array(z.uuid({ error: "Must be a user id" })).max(500),
});
export type SetTeamMembersInput = z.infer<typeof setTeamMembersInput>;
