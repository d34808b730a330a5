import postgres from "postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { provisionBenchDatabase, type BenchDatabase } from "./database";

export type CachedBenchDatabase = BenchDatabase & {
  /** True when the dataset was seeded by an earlier run and is reused as it is. */
  seeded: boolean;
  /** Marks the dataset complete, so later runs skip seeding. */
  markSeeded: () => Promise<void>;
};

/**
 * A database kept between runs for a dataset too big to seed every time, named by the
 * dataset's version (bump the version when the seed changes). It lives on DATABASE_URL's
 * server and is never dropped; a run that stopped while seeding left no completion mark,
 * so the next run drops it and seeds again. Migrations added since are applied on reuse.
 * Without DATABASE_URL there is no server to keep it on: a fresh embedded database is
 * used and seeded every run.
 */
export async function provisionCachedBenchDatabase(label: string, dataset: string): Promise<CachedBenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const fresh = await provisionBenchDatabase(label);
    return { ...fresh, seeded: false, markSeeded: async () => {} };
  }
  const name = `touchbase_bench_${dataset}`.replace(/[^a-z0-9_]/g, "_").slice(0, 63);
  const mark = `complete ${name}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  let seeded = false;
  try {
    const [found] = await admin<{ comment: string | null }[]>`
      select shobj_description(oid, 'pg_database') as comment from pg_database where datname = ${name}`;
    seeded = found?.comment === mark;
    if (found && !seeded) await admin.unsafe(`drop database "${name}" with (force)`);
    if (!seeded) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  return {
    url: url.toString(),
    description: `database ${name} on ${url.host} (${seeded ? "seeded by an earlier run, reused" : "new"})`,
    seeded,
    kept: true,
    dispose: async () => {},
    markSeeded: async () => {
      const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`comment on database "${name}" is '${mark}'`);
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
  };
}
