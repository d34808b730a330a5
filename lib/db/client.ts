import { AsyncLocalStorage } from "node:async_hooks";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { getEnv } from "../env";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A query runner: the database itself or an open transaction. */
export type Queryable = Database | Transaction;

type Connection = { url: string; sql: postgres.Sql; db: Database; health?: postgres.Sql };

/** Connections in the app's pool, unless connectDatabase is told otherwise. */
export const poolSize = 10;

// server.ts and the Next.js bundle load separate copies of this module in one process;
// the connection lives on globalThis so both share one pool.
const store = globalThis as typeof globalThis & {
  __touchbaseDatabase?: Connection;
  __touchbaseAmbientTransaction?: AsyncLocalStorage<AmbientTransaction>;
};

type AmbientTransaction = { tx: Transaction; afterCommit: (() => void)[] };
const ambient = (store.__touchbaseAmbientTransaction ??= new AsyncLocalStorage<AmbientTransaction>());

export function connectDatabase(url: string, options: { max?: number } = {}): Database {
  if (store.__touchbaseDatabase) {
    if (store.__touchbaseDatabase.url === url) return store.__touchbaseDatabase.db;
    throw new Error("Already connected to another database");
  }
  const sql = postgres(url, {
    max: options.max ?? poolSize,
    onnotice: () => {},
    connect_timeout: 10,
    connection: { application_name: "touchbase" },
  });
  const db = drizzle({ client: sql, schema, casing: "snake_case" });
  store.__touchbaseDatabase = { url, sql, db };
  return db;
}

/**
 * The app's database. Connects lazily to DATABASE_URL unless server.ts connected first.
 * Inside `inAmbientTransaction` it is that transaction, so a use-case's own
 * `db().transaction(...)` becomes a savepoint of it.
 */
export function db(): Database {
  const current = ambient.getStore();
  // A transaction offers every query method a use-case calls on the database.
  if (current) return current.tx as unknown as Database;
  if (store.__touchbaseDatabase) return store.__touchbaseDatabase.db;
  const url = getEnv().DATABASE_URL;
  if (!url) throw new Error("The embedded database has not been started (start the app with `npm start`)");
  return connectDatabase(url);
}

/** The URL db() is connected to, for the few libraries that keep their own pool (pg-boss). */
export function databaseUrl(): string {
  const connected = store.__touchbaseDatabase?.url ?? getEnv().DATABASE_URL;
  if (!connected) throw new Error("The embedded database has not been started (start the app with `npm start`)");
  return connected;
}

/**
 * A connection of its own for the health check: behind a queue of app queries in the
 * pool, a check would time out and call a busy node's database down.
 */
export function healthCheckConnection(): postgres.Sql {
  db();
  const connection = store.__touchbaseDatabase!;
  connection.health ??= postgres(connection.url, {
    max: 1,
    onnotice: () => {},
    connect_timeout: 3,
    idle_timeout: 60,
    connection: { application_name: "touchbase health" },
  });
  return connection.health;
}

export async function closeDatabase(): Promise<void> {
  const connection = store.__touchbaseDatabase;
  store.__touchbaseDatabase = undefined;
  await Promise.all([connection?.sql.end({ timeout: 5 }), connection?.health?.end({ timeout: 5 })]);
}

/**
 * Runs `work` so that everything it writes through `db()` commits or rolls back together
 * with what `work` itself writes through `tx`. Callbacks given to `afterCommit` meanwhile
 * (domain events) run once the whole transaction has committed, and never if it rolls back.
 */
export async function inAmbientTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  const outer = ambient.getStore();
  if (outer) return work(outer.tx);
  const afterCommitCallbacks: (() => void)[] = [];
  const result = await db().transaction((tx) => ambient.run({ tx, afterCommit: afterCommitCallbacks }, () => work(tx)));
  for (const callback of afterCommitCallbacks) callback();
  return result;
}

/** Runs `callback` after the ambient transaction commits, or at once outside of one. */
export function afterCommit(callback: () => void): void {
  const current = ambient.getStore();
  if (current) current.afterCommit.push(callback);
  else callback();
}
