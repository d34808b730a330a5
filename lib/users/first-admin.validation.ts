import { z } from "zod";

// Client-safe: used by the setup form and by the server action that creates the admin.
// Kept equal to minPasswordLength in lib/auth/password.ts, which the browser cannot
// import (it loads the native argon2 binding).
export const minPasswordLength = 8;

export const firstAdminInput = z.object({
  name: z.string().trim().min(1, "Name is required").max(200),
  email: z.email("Must be a valid email address").max(320),
  password: z
    .string()
    .min(minPasswordLength, `Use at least ${minPasswordLength} characters`)
    .max(1000, "That password is too long"),
});
export type FirstAdminInput = z.infer<typeof firstAdminInput>;
