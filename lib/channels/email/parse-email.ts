import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { logger } from "@/lib/logger";
import type { ParsedEmail } from "./parsed-email";

// MIME parsing, charset decoding, HTML-to-text and sanitizing are synchronous CPU work
// that a hostile 20 MB message could make last seconds. They run in worker threads so the
// app's event loop (the inbox, sockets, the SMTP dialogue) stays responsive, and a message
// that takes longer than the deadline is given up on (its raw copy is kept) instead of
// holding a worker forever.

const poolSize = 2;
const deadlineMs = 30_000;

type Task = { id: number; raw: Uint8Array; resolve: (parsed: ParsedEmail) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; busy: Task | null; timer: NodeJS.Timeout | null };

export class ParseTimeoutError extends Error {}

let nextId = 1;
const queue: Task[] = [];
const slots: Slot[] = [];

// The worker is TypeScript: it registers tsx in its own thread before loading the file,
// which works the same under `npm start`, inside the Next.js bundle, and in tests.
function bootScript(): string {
  const root = process.cwd();
  const tsx = pathToFileURL(path.join(root, "node_modules/tsx/dist/esm/api/index.mjs")).href;
  const file = pathToFileURL(path.join(root, "lib/channels/email/parse-email-worker.ts")).href;
  return `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(file)}); });`;
}

function spawnSlot(): Slot {
  const slot: Slot = {
    worker: new Worker(bootScript(), { eval: true, resourceLimits: { maxOldGenerationSizeMb: 512 } }),
    busy: null,
    timer: null,
  };
  slot.worker.unref();
  slot.worker.on("message", ({ id, parsed }: { id: number; parsed: ParsedEmail }) => {
    const task = slot.busy;
    if (!task || task.id !== id) return;
    finish(slot);
    task.resolve(parsed);
  });
  slot.worker.on("error", (error) => fail(slot, error));
  slot.worker.on("exit", (code) => {
    if (slot.busy) fail(slot, new Error(`MIME parser stopped (exit ${code})`));
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    pump();
  });
  slots.push(slot);
  return slot;
}

function finish(slot: Slot) {
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.busy = null;
  pump();
}

function fail(slot: Slot, error: Error) {
  const task = slot.busy;
  finish(slot);
  task?.reject(error);
}

function pump() {
  while (queue.length > 0) {
    const slot = slots.find((s) => !s.busy) ?? (slots.length < poolSize ? spawnSlot() : null);
    if (!slot) return;
    const task = queue.shift()!;
    slot.busy = task;
    const bytes = task.raw.byteLength;
    slot.timer = setTimeout(() => {
      logger.warn("MIME parsing passed its deadline; the parser is restarted", { bytes });
      const stuck = slot.busy;
      slot.busy = null;
      void slot.worker.terminate();
      stuck?.reject(new ParseTimeoutError(`parsing took longer than ${deadlineMs / 1000} s`));
    }, deadlineMs);
    // The task's bytes are its own copy (parseEmail): moved to the worker, not cloned again.
    slot.worker.postMessage({ id: task.id, raw: task.raw }, [task.raw.buffer as ArrayBuffer]);
  }
}

/** Parses a raw message in a worker thread. Rejects only when the parser itself fails or times out. */
export function parseEmail(raw: Uint8Array): Promise<ParsedEmail> {
  return new Promise((resolve, reject) => {
    // A copy: the caller keeps its buffer, the worker gets its own.
    queue.push({ id: nextId++, raw: new Uint8Array(raw), resolve, reject });
    pump();
  });
}
