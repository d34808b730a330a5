import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { getEnv } from "../env";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A query runner: the database itself or an open transaction. */
export type Queryable = Database | Transaction;

type Connection = { url: string; sql: postgres.Sql; db: Database };

// server.ts and the Next.js bundle load separate copies of this module in one process;
// the connection lives on globalThis so both share one pool.
const store = globalThis as typeof globalThis & { __touchbaseDatabase?: Connection };

export function connectDatabase(url: string, options: { max?: number } = {}): Database {
  if (store.__touchbaseDatabase) {
    if (store.__touchbaseDatabase.url === url) return store.__touchbaseDatabase.db;
    throw new Error("Already connected to another database");
  }
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: 10,
    connection: { application_name: "touchbase" },
  });
  const db = drizzle({ client: sql, schema, casing: "snake_case" });
  store.__touchbaseDatabase = { url, sql, db };
  return db;
}

/** The app's database. Connects lazily to DATABASE_URL unless server.ts connected first. */
export function db(): Database {
  if (store.__touchbaseDatabase) return store.__touchbaseDatabase.db;
  const url = getEnv().DATABASE_URL;
  if (!url) throw new Error("The embedded database has not been started (start the app with `npm start`)");
  return connectDatabase(url);
}

export async function closeDatabase(): Promise<void> {
  const connection = store.__touchbaseDatabase;
  store.__touchbaseDatabase = undefined;
  await connection?.sql.end({ timeout: 5 });
}
