import { parseArgs } from "node:util";
import { createApiKey } from "@/lib/auth/api-keys";
import { closeDatabase, connectDatabase } from "@/lib/db/client";
import { openDatabaseServer } from "@/lib/db/database-server";
import { migrateDatabase } from "@/lib/db/migrate";
import { appUrl } from "@/lib/env";

// npm run apikey:create -- --name <name>: makes an API key for an integration and prints it once.

const usage = "Usage: npm run apikey:create -- --name <name>\n";

function readName(): { name: string } | { error: string } {
  try {
    const { values } = parseArgs({ options: { name: { type: "string" } }, strict: true });
    const name = values.name?.trim();
    return name ? { name } : { error: "--name is required" };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

async function main(): Promise<number> {
  const args = readName();
  if ("error" in args) {
    process.stderr.write(`apikey:create: ${args.error}\n${usage}`);
    return 2;
  }
  const { name } = args;

  const database = await openDatabaseServer();
  try {
    await migrateDatabase(database.url);
    const { key } = await createApiKey(connectDatabase(database.url, { max: 1 }), { name, createdById: null });
    process.stdout.write(
      `API key "${name}" (shown only this once, store it now):\n\n  ${key}\n\n` +
        `Use it as: curl -H "Authorization: Bearer ${key}" ${appUrl()}/api/v1/tickets\n`,
    );
    return 0;
  } finally {
    await closeDatabase();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`apikey:create failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
