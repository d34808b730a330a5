import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { attachments } from "@/lib/db/schema";
import { blobStore } from "@/lib/storage/storage";

// Shown inline only when a browser renders it as a picture; anything else downloads.
const inlineTypes = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

/**
 * A stored attachment as an HTTP response, for whoever the caller has already allowed.
 * Sandboxed and never sniffed: a file from a customer must not run as a page of ours.
 */
export async function attachmentResponse(attachmentId: string): Promise<Response> {
  const [file] = await db().select().from(attachments).where(eq(attachments.id, attachmentId));
  if (!file) return new Response("Not found", { status: 404 });
  const bytes = await blobStore().get(file.storageKey);
  const disposition = inlineTypes.has(file.contentType) ? "inline" : "attachment";
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": inlineTypes.has(file.contentType) ? file.contentType : "application/octet-stream",
      "content-disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "content-security-policy": "default-src 'none'; sandbox",
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=3600",
    },
  });
}
