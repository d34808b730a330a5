import path from "node:path";
import postgres from "postgres";

export type TestDatabase = {
  url: string;
  /** Where it runs, for the log: never the password. */
  description: string;
  dispose: () => Promise<void>;
};

/**
 * One fresh, empty database for a test run. With a server URL, a uniquely named database
 * is created on that server and dropped afterwards; without one, an embedded PostgreSQL
 * cluster is started in `scratchDir` (which the caller removes) and stopped afterwards.
 */
export async function provisionTestDatabase(serverUrl: string | undefined, scratchDir: string): Promise<TestDatabase> {
  return serverUrl ? createDatabaseOnServer(serverUrl) : startEmbeddedCluster(path.join(scratchDir, "postgres"));
}

async function createDatabaseOnServer(serverUrl: string): Promise<TestDatabase> {
  const name = `touchbase_test_${Date.now()}_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let disposed = false;
  return {
    url: url.toString(),
    description: `database ${name} on ${url.host}`,
    async dispose() {
      if (disposed) return;
      disposed = true;
      const sql = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
      try {
        // FORCE: a server the run started (Playwright's webServer) may still hold connections.
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
  };
}

async function startEmbeddedCluster(dir: string): Promise<TestDatabase> {
  // Imported here: the package installs process-exit hooks as soon as it is loaded, which
  // stop its clusters on SIGINT/SIGTERM (and then exit the process).
  const { startEmbeddedPostgres } = await import("@/lib/db/embedded");
  const embedded = await startEmbeddedPostgres(dir);
  let disposed = false;
  return {
    // As on a DATABASE_URL server, tests connect as a superuser: some create databases of their own.
    url: embedded.superuserUrl,
    description: `embedded PostgreSQL in ${dir}`,
    async dispose() {
      if (disposed) return;
      disposed = true;
      await embedded.stop();
    },
  };
}
