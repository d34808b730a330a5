import path from "node:path";
import { connectToEmbeddedPostgres } from "@/lib/db/embedded-connection";
import { migrateDatabase } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";

// npm run db:migrate: applies the committed migrations without starting the app (the app
// also applies them at every start). Fails loudly, with a non-zero exit code.
const env = getEnv();
const database = env.DATABASE_URL
  ? { url: env.DATABASE_URL, stop: async () => {} }
  : await connectToEmbeddedPostgres(path.join(env.dataDir, "postgres"));
try {
  await migrateDatabase(database.url);
  process.stdout.write("Migrations applied.\n");
} catch (error) {
  process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
