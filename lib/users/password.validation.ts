import { z } from "zod";

// Client-safe: the rule for a password someone chooses, in the setup form and on /account.
// Kept equal to minPasswordLength in lib/auth/password.ts, which the browser cannot
// import (it loads the native argon2 binding). The list of common passwords is too big
// for the browser: the server checks it too (lib/auth/common-passwords.ts).
export const minPasswordLength = 8;

const minDistinctCharacters = 4;

/** Why a password is trivially guessable by its shape alone (`aaaaaaaa`, `abababab`, `12345678`), or null. */
export function trivialPasswordReason(password: string): string | null {
  if (new Set(password.toLowerCase()).size < minDistinctCharacters) {
    return "Too easy to guess: use more different characters than that";
  }
  if (isRun(password.toLowerCase())) return "Too easy to guess: a run of characters like 12345678 or abcdefgh";
  return null;
}

// Each character one above (or each one below) the one before it.
function isRun(text: string): boolean {
  const steps = new Set<number>();
  for (let i = 1; i < text.length; i++) steps.add(text.charCodeAt(i) - text.charCodeAt(i - 1));
  return steps.size === 1 && (steps.has(1) || steps.has(-1));
}

export const chosenPassword = z
  .string()
  .min(minPasswordLength, `Use at least ${minPasswordLength} characters`)
  .max(1000, "That password is too long")
  .superRefine((password, context) => {
    const reason = password.length >= minPasswordLength ? trivialPasswordReason(password) : null;
    if (reason) context.addIssue({ code: "custom", message: reason });
  });

/** What the password fields say about the rule, under the field. */
export const chosenPasswordHint = `At least ${minPasswordLength} characters, not a common or easily guessed one`;
