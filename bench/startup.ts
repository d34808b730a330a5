import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// npm run bench:startup — time from `npm start` to a healthy /api/health on the embedded
// database: a first start (fresh data directory, build from scratch) and repeated second
// starts on the same data. Targets are for this project's 2-core reference machine.

const targets = { firstStartSeconds: 60, secondStartSeconds: 5 };
const secondStartRuns = 3;
const healthTimeoutMs = 10 * 60 * 1000;

const root = process.cwd();
const dataDir = mkdtempSync(path.join(tmpdir(), "touchbase-bench-startup-"));
// Reachable by the `postgres` OS user that the embedded server runs as under root.
chmodSync(dataDir, 0o755);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function timeStart(label: string, forceBuild: boolean): Promise<number> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  delete env.AUTH_SECRET;
  delete env.REDIS_URL;
  // The whole build output goes, caches included, as on a fresh clone.
  if (forceBuild) rmSync(path.join(root, ".next"), { recursive: true, force: true });

  process.stdout.write(`${label}: starting…`);
  const startedAt = performance.now();
  const child = spawn("npm", ["start"], { cwd: root, env, stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));

  try {
    while (true) {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${stderr}`);
      if (performance.now() - startedAt > healthTimeoutMs) throw new Error("no healthy answer in 10 minutes");
      const healthy = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((response) => response.ok)
        .catch(() => false);
      if (healthy) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
      process.stdout.write(".");
    }
    const seconds = (performance.now() - startedAt) / 1000;
    process.stdout.write(` healthy after ${seconds.toFixed(2)} s\n`);
    return seconds;
  } finally {
    process.kill(-child.pid!, "SIGTERM");
    await exited;
  }
}

function bar(seconds: number, scale: number): string {
  return "█".repeat(Math.max(1, Math.round((seconds / scale) * 40)));
}

try {
  const first = await timeStart("first start (build + new database + demo data)", true);
  const seconds: number[] = [];
  for (let run = 1; run <= secondStartRuns; run++) seconds.push(await timeStart(`second start, run ${run}`, false));
  const second = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)]!;

  const scale = Math.max(first, targets.firstStartSeconds);
  const rows = [
    ["first start", first, targets.firstStartSeconds],
    ["second start (median)", second, targets.secondStartSeconds],
  ] as const;
  process.stdout.write("\nnpm start → healthy /api/health (embedded PostgreSQL)\n");
  for (const [name, value, target] of rows) {
    const verdict = value <= target ? "meets" : "MISSES";
    process.stdout.write(
      `${name.padEnd(22)} ${value.toFixed(2).padStart(6)} s  ${bar(value, scale).padEnd(41)} target ≤ ${target} s: ${verdict}\n`,
    );
  }
  process.exitCode = rows.every(([, value, target]) => value <= target) ? 0 : 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
