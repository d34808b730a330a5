import { AppError } from "@/lib/errors";

type WaitingLineOptions = { concurrency: number; maxWaitMs: number; busyMessage: string };

const store = globalThis as typeof globalThis & { __touchbaseWaitingLines?: Record<string, WaitingLine> };
const sharedLines = (store.__touchbaseWaitingLines ??= {});

/** How many callers wait in any shared line, for the health check. */
export function callersWaiting(): number {
  return Object.values(sharedLines).reduce((total, line) => total + line.waiting, 0);
}

/**
 * Lets at most `concurrency` callers per key run at once; the others wait in line, in
 * order, without holding anything, and give up with a 503 `busy` after `maxWaitMs`.
 *
 * Why: a request that waits inside a transaction holds one of the few pooled database
 * connections while it waits. Making it wait here first, before it takes a connection,
 * keeps a pile-up on one ticket from starving every other request.
 */
export class WaitingLine {
  /**
   * The line of this name, one per process: server.ts and the Next.js bundle load separate
   * copies of this module, and a line only works if every caller stands in the same one.
   */
  static shared(name: string, options: WaitingLineOptions): WaitingLine {
    return (sharedLines[name] ??= new WaitingLine(options));
  }

  private readonly lines = new Map<string, { running: number; waiting: (() => void)[] }>();

  constructor(private readonly options: WaitingLineOptions) {}

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    let line = this.lines.get(key);
    if (!line) this.lines.set(key, (line = { running: 0, waiting: [] }));
    if (line.running < this.options.concurrency) {
      line.running += 1;
    } else {
      const queued = line;
      // The caller that finishes hands its place to the first in line: `running` stays.
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          queued.waiting.splice(queued.waiting.indexOf(wake), 1);
          reject(new AppError("busy", this.options.busyMessage));
        }, this.options.maxWaitMs);
        queued.waiting.push(wake);
      });
    }
    try {
      return await work();
    } finally {
      const next = line.waiting.shift();
      if (next) next();
      else if (--line.running === 0) this.lines.delete(key);
    }
  }

  /** How many callers wait in line across all keys, for the health check. */
  get waiting(): number {
    let total = 0;
    for (const line of this.lines.values()) total += line.waiting.length;
    return total;
  }
}
