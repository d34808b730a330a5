import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase } from "@/lib/db/migrate";
import { provisionTestDatabase } from "../../scripts/test-database";

export type BenchDatabase = { url: string; description: string; dispose: () => Promise<void>; kept?: boolean };

/**
 * A fresh, migrated database for one benchmark run, provisioned as `npm test` does: a new
 * database on DATABASE_URL's server when set, else an embedded PostgreSQL in a scratch
 * directory. dispose() drops it (or stops the cluster) and removes the scratch directory.
 */
export async function provisionBenchDatabase(label: string): Promise<BenchDatabase> {
  const scratchDir = mkdtempSync(path.join(tmpdir(), `touchbase-bench-${label}-`));
  // As root, the embedded PostgreSQL runs as the `postgres` OS user, which must enter here.
  chmodSync(scratchDir, 0o755);
  const removeScratch = () => rmSync(scratchDir, { recursive: true, force: true });
  process.once("exit", removeScratch);
  const database = await provisionTestDatabase(process.env.DATABASE_URL, scratchDir).catch((error: unknown) => {
    removeScratch();
    throw error;
  });
  const dispose = async () => {
    try {
      await database.dispose();
    } finally {
      removeScratch();
    }
  };
  try {
    await migrateDatabase(database.url);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { url: database.url, description: database.description, dispose };
}
