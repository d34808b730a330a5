import { z } from "zod";

// Client-safe: the rule for a password someone chooses, in the setup form and on /account.
// Kept equal to minPasswordLength in lib/auth/password.ts, which the browser cannot
// import (it loads the native argon2 binding).
export const minPasswordLength = 8;

export const chosenPassword = z
  .string()
  .min(minPasswordLength, `Use at least ${minPasswordLength} characters`)
  .max(1000, "That password is too long");
