import { createServer } from "node:net";

// Figures and charts shared by the benchmarks: plain text, one row per measurement.

export type Summary = { count: number; p50: number; p95: number; p99: number; max: number };

/** Nearest-rank percentiles of a list of milliseconds. */
export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? NaN };
}

export const ms = (value: number) => (value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0));

const chartWidth = 40;

/**
 * One bar per row: █ up to p50, ▒ from p50 to p95, and │ where the target falls, all on
 * one scale so that rows compare at a glance.
 */
export function percentileChart(
  rows: { name: string; summary: Summary; judged?: boolean }[],
  target: number,
  columns: ("p50" | "p95" | "p99" | "max")[] = ["p50", "p95", "max"],
): string {
  const scale = Math.max(target * 1.25, ...rows.map((row) => row.summary.p95));
  const cell = (value: number) => Math.min(chartWidth, Math.round((value / scale) * chartWidth));
  const targetCell = Math.min(chartWidth, cell(target));
  const nameWidth = Math.max(...rows.map((row) => row.name.length));
  const header =
    `${"".padEnd(nameWidth)}  ${columns.map((c) => c.padStart(7)).join("")}  ` +
    `0 ms${`${target} ms`.padStart(targetCell - 3)}\n`;
  const lines = rows.map(({ name, summary, judged = true }) => {
    const p50 = cell(summary.p50);
    const p95 = Math.max(p50, cell(summary.p95));
    let bar = "█".repeat(p50) + "▒".repeat(p95 - p50);
    bar = bar.length > targetCell ? bar : bar.padEnd(targetCell) + "│";
    const verdict = !judged ? "(context)" : `p95 ≤ ${target} ms: ${summary.p95 <= target ? "meets" : "MISSES"}`;
    const figures = columns.map((c) => ms(summary[c]).padStart(7)).join("");
    return `${name.padEnd(nameWidth)}  ${figures}  ${bar.padEnd(chartWidth + 1)} ${verdict}`;
  });
  return `${header}${lines.join("\n")}\n${"".padEnd(nameWidth)}  (ms; █ up to p50, ▒ p50–p95, │ target)\n`;
}

/** Counts per latency bucket, as a horizontal histogram. */
export function histogram(samples: number[], bounds: number[]): string {
  const labels = bounds.map((bound, i) => `${i === 0 ? 0 : bounds[i - 1]}–${bound} ms`).concat(`> ${bounds.at(-1)} ms`);
  const counts = labels.map(() => 0);
  for (const value of samples) {
    const index = bounds.findIndex((bound) => value <= bound);
    counts[index < 0 ? bounds.length : index]! += 1;
  }
  const most = Math.max(1, ...counts);
  const labelWidth = Math.max(...labels.map((label) => label.length));
  return labels
    .map((label, i) => {
      const count = counts[i]!;
      const bar = count ? "█".repeat(Math.max(1, Math.round((count / most) * chartWidth))) : "";
      return `${label.padStart(labelWidth)}  ${bar.padEnd(chartWidth)} ${count}`;
    })
    .join("\n")
    .concat("\n");
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
