import { z } from "zod";
import { singleLineText, text } from "@/lib/validation/text";
import { userRoles } from "./user-roles";

// Client-safe: used by the team forms in Settings and by their server actions.

const role = z.enum(userRoles, "Choose admin, agent or staff");
const userId = z.uuid("Unknown teammate");

export const addTeammateInput = z.object({
  name: singleLineText().trim().min(1, "Name is required").max(200),
  email: text().trim().pipe(z.email("Must be a valid email address").max(320)),
  role,
});
export type AddTeammateInput = z.infer<typeof addTeammateInput>;

export const changeTeammateRoleInput = z.object({ userId, role });
export type ChangeTeammateRoleInput = z.infer<typeof changeTeammateRoleInput>;

export const teammateIdInput = z.object({ userId });

export const deactivateTeammateInput = z.object({
  userId,
  /** Who takes over their open tickets; none (the default) hands them back to the queue. */
  handTicketsTo: z.uuid("Unknown teammate").nullish(),
});
export type DeactivateTeammateInput = z.infer<typeof deactivateTeammateInput>;
