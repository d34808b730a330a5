import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, unlinkSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { getEnv } from "../env";
import { logger } from "../logger";
import { defaultCredentialsFile, embeddedCredentials, embeddedDatabaseUrl, startEmbeddedPostgres } from "./embedded";

// PostgreSQL allows one server per data directory. A command-line tool shares the running
// app's server; the app adopts a server that its last run left running when it was killed
// before it could stop it, and stops it at shutdown as if it had started it. The port is
// line 4 of postmaster.pid.

type RunningServer = { pid: number; port: number };

/** The PostgreSQL running on `dir`, or null. A postmaster.pid left by a crash is removed when its PID is reused by another program. */
export function runningEmbeddedPostgres(dir: string): RunningServer | null {
  const lock = path.join(dir, "postmaster.pid");
  if (!existsSync(lock)) return null;
  const lines = readFileSync(lock, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (pid > 0 && port > 0 && isPostgres(pid)) return { pid, port };
  // PostgreSQL itself would refuse to start while the PID in its lock file belongs to a
  // live process of the same OS user, whatever that process is.
  if (pid > 0 && isAlive(pid)) {
    logger.info(`Removing a stale ${lock}: process ${pid} is not PostgreSQL`);
    unlinkSync(lock);
  }
  return null;
}

export type EmbeddedServerOptions = {
  /** Where the generated passwords live; beside `dir` by default. */
  credentialsFile?: string;
  /** Stop a server found running at shutdown: only the app does, never a tool sharing its server. */
  stopAdopted?: boolean;
};

export async function connectToEmbeddedPostgres(
  dir: string,
  options: EmbeddedServerOptions = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const credentialsFile = options.credentialsFile ?? defaultCredentialsFile(dir);
  const running = runningEmbeddedPostgres(dir);
  if (!running) return startEmbeddedPostgres(dir, { credentialsFile });
  const url = embeddedDatabaseUrl(running.port, embeddedCredentials(credentialsFile));
  if (!options.stopAdopted) return { url, stop: async () => {} };
  logger.info(`Adopting the embedded PostgreSQL (process ${running.pid}) left running by an earlier start`);
  return { url, stop: () => stopPostgres(running.pid) };
}

// SIGINT is PostgreSQL's "fast shutdown", what the package sends to a server it started.
async function stopPostgres(pid: number): Promise<void> {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) await sleep(100);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another OS user (the `postgres` user).
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

// Where /proc tells (Linux), the process must be a postgres; elsewhere being alive is all we can check.
function isPostgres(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres";
  } catch {
    return !existsSync("/proc/self/comm");
  }
}

/**
 * Where the embedded cluster keeps its data: `$DATA_DIR/postgres`, unless Touchbase runs as
 * root and the `postgres` OS user the server then runs as cannot reach it (a clone under
 * /root, say). Then it goes under `fallbackRoot`, in a folder named after DATA_DIR so
 * that two clones never share a cluster.
 */
export function embeddedPostgresDir(dataDir: string, fallbackRoot = "/var/lib/touchbase"): string {
  const preferred = path.join(dataDir, "postgres");
  if (process.getuid?.() !== 0 || reachableByEveryone(path.dirname(path.resolve(preferred)))) return preferred;
  const folder = path.join(fallbackRoot, createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 12));
  for (const dir of [fallbackRoot, folder]) {
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755);
  }
  return path.join(folder, "postgres");
}

// Every folder from the root down must let others pass through (the x bit for "other").
function reachableByEveryone(folder: string): boolean {
  for (let current = folder; ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

/** The app's database server: DATABASE_URL when set, else the embedded one for DATA_DIR. */
export async function openDatabaseServer(
  options: { stopAdopted?: boolean } = {},
): Promise<{ url: string; embedded: boolean; stop: () => Promise<void>; location?: string }> {
  const env = getEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  const dir = embeddedPostgresDir(env.dataDir);
  const server = await connectToEmbeddedPostgres(dir, {
    credentialsFile: path.join(env.dataDir, "postgres-credentials.json"),
    stopAdopted: options.stopAdopted,
  });
  return { ...server, embedded: true, location: dir };
}
