import { migrateDatabase } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";

// `npm test` provisions a fresh database and passes it in DATABASE_URL (scripts/test.ts).
export default async function setup() {
  const url = getEnv().DATABASE_URL;
  if (!url) {
    throw new Error("Integration tests need a database: run `npm test`, or set DATABASE_URL to a scratch database");
  }
  await migrateDatabase(url);
}
