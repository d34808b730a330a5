import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/env";

// Channel secrets (mailbox passwords, Twilio tokens, widget identity secrets) are stored
// sealed with AES-256-GCM, so a database dump alone does not hand them out. The key is
// derived from AUTH_SECRET, which never lives in the database.

const version = "v1";

let derived: { secret: string; key: Buffer } | undefined;

// Derived once per AUTH_SECRET: webhooks open a channel's secrets on every request.
function key(): Buffer {
  const secret = authSecret();
  if (derived?.secret !== secret) derived = { secret, key: Buffer.from(hkdfSync("sha256", secret, "touchbase", "channel-secrets", 32)) };
  return derived.key;
}

export function sealSecrets(value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return [version, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
}

export function openSecrets<T>(sealed: string): T {
  const [tag, iv, authTag, data] = sealed.split(".");
  if (tag !== version || !iv || !authTag || !data) throw new Error("Sealed channel secrets have an unknown format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(authTag, "base64url"));
  const plain = Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]);
  return JSON.parse(plain.toString("utf8")) as T;
}
