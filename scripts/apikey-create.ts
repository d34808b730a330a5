import { parseArgs } from "node:util";
import { createApiKey } from "@/lib/auth/api-keys";
import { closeDatabase, connectDatabase } from "@/lib/db/client";
import { openDatabaseServer } from "@/lib/db/database-server";
import { migrateDatabase } from "@/lib/db/migrate";
import { appUrlForTools } from "@/lib/env";
import { apiKeyScopes, type ApiKeyScope } from "@/lib/timeline/timeline-constants";

// npm run apikey:create -- --name <name> [--scope full|ingest]: makes an API key for an
// integration and prints it once. `--scope ingest` makes a write key that can only send events.

const usage = "Usage: npm run apikey:create -- --name <name> [--scope full|ingest]\n";

function readArgs(): { name: string; scope: ApiKeyScope } | { error: string } {
  try {
    const { values } = parseArgs({ options: { name: { type: "string" }, scope: { type: "string" } }, strict: true });
    const name = values.name?.trim();
    if (!name) return { error: "--name is required" };
    const scope = values.scope ?? "full";
    if (!(apiKeyScopes as readonly string[]).includes(scope)) return { error: `--scope must be one of ${apiKeyScopes.join(", ")}` };
    return { name, scope: scope as ApiKeyScope };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

async function main(): Promise<number> {
  const args = readArgs();
  if ("error" in args) {
    process.stderr.write(`apikey:create: ${args.error}\n${usage}`);
    return 2;
  }
  const { name, scope } = args;

  const database = await openDatabaseServer();
  try {
    await migrateDatabase(database.url);
    const { key } = await createApiKey(connectDatabase(database.url, { max: 1 }), { name, createdById: null, scope });
    const use =
      scope === "ingest"
        ? `Use it as a Segment write key, e.g. curl -u ${key}: ${appUrlForTools()}/api/v1/track -H "Content-Type: application/json" -d '{"userId":"42","event":"Signed Up"}'`
        : `Use it as: curl -H "Authorization: Bearer ${key}" ${appUrlForTools()}/api/v1/tickets`;
    process.stdout.write(`API key "${name}" (${scope}; shown only this once, store it now):\n\n  ${key}\n\n${use}\n`);
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
