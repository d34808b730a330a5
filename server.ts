import { createServer } from "node:http";
import next from "next";
import { closeDatabase, connectDatabase } from "@/lib/db/client";
import { openDatabaseServer } from "@/lib/db/database-server";
import { migrateDatabase } from "@/lib/db/migrate";
import { seedDemoWorkspaceIfEmpty } from "@/lib/demo/seed-demo-workspace";
import { appUrl, authSecret, EnvError, getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { forwardEventsToSockets } from "@/lib/realtime/event-listener";
import { attachRealtime } from "@/lib/realtime/socket-server";

// One process: the Next.js request handler and socket.io on one port. Logic lives in lib/.
async function main() {
  const startedAt = Date.now();
  const env = getEnv();
  authSecret(); // A missing secret should stop the start, not the first sign-in.
  const dev = process.argv.includes("--dev");

  const database = await openDatabaseServer();
  await migrateDatabase(database.url);
  connectDatabase(database.url);
  const demo = database.embedded ? await seedDemoWorkspaceIfEmpty() : null;

  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const httpServer = createServer((req, res) => void handle(req, res));
  if (dev) {
    const upgrade = app.getUpgradeHandler();
    httpServer.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/socket.io")) void upgrade(req, socket, head);
    });
  }
  const realtime = await attachRealtime(httpServer, { redisUrl: env.REDIS_URL });
  forwardEventsToSockets(realtime.io);

  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOST, resolve));
  logger.info(`Touchbase is ready at ${appUrl()} (${Date.now() - startedAt} ms)`);
  logger.info(database.embedded ? `Database: embedded PostgreSQL in ${env.dataDir}` : "Database: DATABASE_URL");
  if (demo) logger.info(`Demo login: ${demo.email} / ${demo.password}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    await realtime.close();
    await closeDatabase();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  // Straight to stderr: the logger itself needs a valid environment.
  const message = error instanceof EnvError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`Touchbase could not start.\n${message}\n`);
  process.exit(1);
});
