import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

// A visitor opens a file of their chat from an <img> or a link, which cannot carry their
// token: the URL itself is the permission, signed by us for that one attachment.

let key: Buffer | undefined;
const linkKey = () => (key ??= Buffer.from(hkdfSync("sha256", authSecret(), "", "touchbase/chat-file-link/v1", 32)));
const signatureOf = (attachmentId: string) => createHmac("sha256", linkKey()).update(attachmentId).digest().subarray(0, 16);

export function visitorFileUrl(attachmentId: string): string {
  return `/api/widget/files/${attachmentId}?sig=${signatureOf(attachmentId).toString("base64url")}`;
}

export function isValidFileSignature(attachmentId: string, signature: string): boolean {
  const given = Buffer.from(signature, "base64url");
  const wanted = signatureOf(attachmentId);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
