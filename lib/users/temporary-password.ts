import { randomBytes } from "node:crypto";

/**
 * A password an admin hands to a new teammate: 144 random bits, URL-safe so it survives
 * being pasted into chat. It is shown once and only its hash is stored.
 */
export function generateTemporaryPassword(): string {
  return randomBytes(18).toString("base64url");
}
