import { db } from "@/lib/db/client";
import { chatUploads } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { blobStore } from "@/lib/storage/storage";
import { uploadMaxBytes, uploadTypes } from "./panel-config";
import type { Visitor } from "./visitor";

const extensions: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "application/pdf": "pdf",
  "text/plain": "txt",
};

/**
 * A file a visitor is about to send: the bytes go to storage, the row says whose it is.
 * It joins a message only when the visitor sends one naming it (start-chat.ts).
 */
export async function storeVisitorUpload(
  visitor: Visitor,
  file: { name: string; contentType: string; bytes: Uint8Array },
): Promise<{ id: string }> {
  if (!uploadTypes.includes(file.contentType)) {
    throw new AppError("validation_failed", "This type of file can't be sent. Send an image, a PDF or a text file.");
  }
  if (file.bytes.length === 0) throw new AppError("validation_failed", "The file is empty.");
  if (file.bytes.length > uploadMaxBytes) throw new AppError("payload_too_large", `Files can be at most ${uploadMaxBytes / 1024 / 1024} MB.`);
  const fileName = file.name.replace(/[\u0000-\u001f\u007f/\\]/g, "").trim().slice(0, 200) || "file";
  const storageKey = await blobStore().put(file.bytes, { prefix: "chat", extension: extensions[file.contentType] });
  const [row] = await db()
    .insert(chatUploads)
    .values({ channelId: visitor.channelId, customerId: visitor.customerId, storageKey, fileName, contentType: file.contentType, size: file.bytes.length })
    .returning({ id: chatUploads.id });
  return row!;
}
