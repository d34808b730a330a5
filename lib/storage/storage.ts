import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "@/lib/env";

/**
 * Where files live (raw mail, attachments): local disk under $DATA_DIR/storage. Callers
 * see only this interface, so an S3-compatible store can replace the disk without them.
 * Keys are content addresses: storing the same bytes twice stores them once.
 */
export interface BlobStore {
  /** Durably stores the bytes (written and renamed into place) and returns their key. */
  put(bytes: Uint8Array, options: { prefix: string; extension?: string }): Promise<string>;
  get(key: string): Promise<Buffer>;
}

export function localDiskStore(root: string): BlobStore {
  const fileOf = (key: string) => {
    // Keys are ours, but a key read back from the database must never walk out of the root.
    if (!/^[a-z0-9-]+\/[0-9a-f]{2}\/[0-9a-f]{64}(\.[a-z0-9]{1,8})?$/.test(key)) throw new Error(`bad storage key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(bytes, { prefix, extension }) {
      const hash = createHash("sha256").update(bytes).digest("hex");
      const key = `${prefix}/${hash.slice(0, 2)}/${hash}${extension ? `.${extension}` : ""}`;
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
      await writeFile(temporary, bytes, { flush: true });
      await rename(temporary, file);
      return key;
    },
    get: (key) => readFile(fileOf(key)),
  };
}

let store: BlobStore | undefined;

export function blobStore(): BlobStore {
  store ??= localDiskStore(path.join(getEnv().dataDir, "storage"));
  return store;
}
