import { afterEach, beforeEach } from "vitest";
import { closeDatabase, connectDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";
import { provisionTestDatabase, type TestDatabase } from "@/scripts/test-database";

/**
 * Gives each test of the calling file a fresh, migrated database of its own. Only for
 * facts about every row of a table, such as "the last active admin", which the shared
 * test database (full of other tests' admins) can never show. Call it at the top of the
 * file: db() must not have connected to the shared database before the first test.
 */
export function runEachTestOnPrivateDatabase(): void {
  let database: TestDatabase | undefined;

  beforeEach(async () => {
    const serverUrl = getEnv().DATABASE_URL;
    if (!serverUrl) throw new Error("A private test database is created next to DATABASE_URL, which is not set");
    database = await provisionTestDatabase(serverUrl, "");
    await migrateDatabase(database.url);
    connectDatabase(database.url);
  });

  afterEach(async () => {
    await closeDatabase();
    await database?.dispose();
    database = undefined;
  });
}
