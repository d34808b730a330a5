import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "../env";
import { embeddedDatabaseUrl, startEmbeddedPostgres } from "./embedded";

// PostgreSQL allows one server per data directory. A command-line tool shares the running
// app's server, and an app whose last run was killed before it could stop its server
// adopts the one left running; the port is line 4 of postmaster.pid. Only a server this
// process started is stopped by it.

/** The port of a PostgreSQL that is running on `dir`, or null. */
export function runningEmbeddedPort(dir: string): number | null {
  const lock = path.join(dir, "postmaster.pid");
  if (!existsSync(lock)) return null;
  const lines = readFileSync(lock, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!(pid > 0) || !(port > 0) || !isAlive(pid)) return null;
  return port;
}

export async function connectToEmbeddedPostgres(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = runningEmbeddedPort(dir);
  if (port) return { url: embeddedDatabaseUrl(port), stop: async () => {} };
  return startEmbeddedPostgres(dir);
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

/** The app's database server: DATABASE_URL when set, else the embedded one in DATA_DIR. */
export async function openDatabaseServer(): Promise<{ url: string; embedded: boolean; stop: () => Promise<void> }> {
  const env = getEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  return { ...(await connectToEmbeddedPostgres(path.join(env.dataDir, "postgres"))), embedded: true };
}
