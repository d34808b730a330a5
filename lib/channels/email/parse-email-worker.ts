import { parentPort } from "node:worker_threads";
import { parseMime } from "./parse-mime";

// Runs parseMime off the main thread (see parse-email.ts): one message at a time.
parentPort!.on("message", async ({ id, raw }: { id: number; raw: Uint8Array }) => {
  const parsed = await parseMime(raw);
  const transfer = parsed.attachments.map((a) => a.content.buffer as ArrayBuffer).filter((b, i, all) => all.indexOf(b) === i);
  try {
    parentPort!.postMessage({ id, parsed }, transfer);
  } catch {
    // Attachments that share one buffer (mailparser slices) cannot all be transferred: copy.
    parentPort!.postMessage({ id, parsed });
  }
});
