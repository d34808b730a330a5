import { openDatabaseServer } from "@/lib/db/database-server";
import { migrateDatabase } from "@/lib/db/migrate";

// npm run db:migrate: applies the committed migrations without starting the app (the app
// also applies them at every start). Fails loudly, with a non-zero exit code.
const database = await openDatabaseServer();
try {
  await migrateDatabase(database.url);
  process.stdout.write("Migrations applied.\n");
} catch (error) {
  process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
