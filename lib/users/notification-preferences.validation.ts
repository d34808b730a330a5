import { z } from "zod";

// Client-safe: which notifications someone gets, in the app (the bell) and by mail.
export const notificationPreferences = z.strictObject({
  mentionsInApp: z.boolean(),
  mentionsByEmail: z.boolean(),
  assignmentsInApp: z.boolean(),
  assignmentsByEmail: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;
