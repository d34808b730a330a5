import { AppError } from "@/lib/errors";
import { blobStore } from "@/lib/storage/storage";
import { replyFilesProblem } from "./reply-files.validation";

/** A file an agent attached, in storage, waiting to be recorded with its message. */
export type StoredReplyFile = { filename: string; contentType: string; size: number; storageKey: string };

/**
 * Checks the files an agent attached against the limits and puts them in storage. Keys
 * are content addresses, so a retried send stores nothing twice; the rows that make them
 * part of a message are written with the message, in its transaction.
 */
export async function storeReplyFiles(files: readonly File[]): Promise<StoredReplyFile[]> {
  const named = files.map((file) => ({ file, name: safeFilename(file.name) }));
  const problem = replyFilesProblem(named.map(({ file, name }) => ({ name, size: file.size })));
  if (problem) throw new AppError("validation_failed", problem, [{ path: "files", message: problem }]);
  return Promise.all(
    named.map(async ({ file, name }) => ({
      filename: name,
      contentType: safeContentType(file.type),
      size: file.size,
      storageKey: await blobStore().put(new Uint8Array(await file.arrayBuffer()), { prefix: "attachments" }),
    })),
  );
}

/** The name without any folder part or control characters; it ends up in a mail header. */
function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200);
  return clean || "file";
}

function safeContentType(type: string): string {
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i.test(type) ? type.toLowerCase() : "application/octet-stream";
}
