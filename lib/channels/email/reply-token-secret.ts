import { hkdfSync } from "node:crypto";
import { authSecret } from "@/lib/env";

let cached: string | undefined;

/** The key that signs reply-address tokens, derived from AUTH_SECRET (never stored). */
export function replyTokenSecret(): string {
  cached ??= Buffer.from(hkdfSync("sha256", authSecret(), "touchbase", "email-reply-token", 32)).toString("base64url");
  return cached;
}
