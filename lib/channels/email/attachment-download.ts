import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { canWorkTickets } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { attachments } from "@/lib/db/schema";
import { forbidden, notFound } from "@/lib/errors";
import { blobStore } from "@/lib/storage/storage";

// Types a browser may show inline without running anything; everything else downloads.
const inlineTypes = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain"]);

/** The headers a file is served with: never sniffed, never rendered as HTML, a name that cannot break the header. */
export function attachmentHeaders(file: { filename: string; contentType: string; size: number }): Record<string, string> {
  const type = file.contentType.toLowerCase();
  const inline = inlineTypes.has(type);
  const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, "_").slice(0, 150) || "attachment";
  return {
    "content-type": inline ? type : "application/octet-stream",
    "content-length": String(file.size),
    "content-disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename.slice(0, 150))}`,
    "x-content-type-options": "nosniff",
    // A PDF or image opened in its own tab still runs nothing of ours or theirs.
    "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    "cache-control": "private, max-age=300",
  };
}

/** A file that came with a message, for signed-in staff only. */
export async function openAttachment(actor: Actor, attachmentId: string): Promise<{ headers: Record<string, string>; body: Buffer }> {
  if (!canWorkTickets(actor)) throw forbidden();
  const [file] = await db().select().from(attachments).where(eq(attachments.id, attachmentId));
  if (!file) throw notFound("Attachment");
  const body = await blobStore().get(file.storageKey);
  return { headers: attachmentHeaders({ ...file, size: body.byteLength }), body };
}
