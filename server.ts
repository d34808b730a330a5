import { createServer } from "node:http";
import next from "next";
import { closeDatabase, connectDatabase } from "@/lib/db/client";
import { openDatabaseServer } from "@/lib/db/database-server";
import { migrateDatabase } from "@/lib/db/migrate";
import { ensureDemoChatChannel } from "@/lib/demo/demo-chat-channel";
import { startDemoShop } from "@/lib/demo/demo-shop";
import { seedDemoWorkspaceIfEmpty } from "@/lib/demo/seed-demo-workspace";
import { processStrandedInboundEmails } from "@/lib/channels/email/inbound-processing";
import { startImapFetchers } from "@/lib/channels/email/imap-fetchers";
import { startSmtpListener } from "@/lib/channels/email/smtp-listener";
import { allJobs } from "@/lib/jobs/all-jobs";
import { startJobQueue } from "@/lib/jobs/job-queue";
import { reportEventLoopDelay } from "@/lib/diagnostics/event-loop-delay";
import { appUrl, authSecret, EnvError, getEnv, recordAppUrl } from "@/lib/env";
import { strictTransportSecurity } from "@/lib/http/content-security-policy";
import { applyTrustedProxy } from "@/lib/http/forwarded-request";
import { errorCatalogue } from "@/lib/errors";
import { earlyRefusal } from "@/lib/http/early-refusal";
import { logger } from "@/lib/logger";
import { onShutdownSignal } from "@/lib/process/shutdown-signals";
import { forwardEventsToSockets } from "@/lib/realtime/event-listener";
import { attachRealtime } from "@/lib/realtime/socket-server";

// Undone in reverse order on shutdown, including a shutdown that arrives mid-start.
const cleanups: (() => Promise<void> | void)[] = [];
const shutdownDeadlineMs = 10_000;

// One process: the Next.js request handler and socket.io on one port. Logic lives in lib/.
async function main() {
  const startedAt = Date.now();
  const env = getEnv();
  authSecret(); // A missing secret should stop the start, not the first sign-in.
  const dev = process.argv.includes("--dev");
  onShutdownSignal((signal) => void shutdown(signal, 0));

  if (env.EVENT_LOOP_REPORT_MS) cleanups.push(reportEventLoopDelay(env.EVENT_LOOP_REPORT_MS));
  // The app, unlike a command-line tool, also stops a server its killed last run left behind.
  const database = await openDatabaseServer({ stopAdopted: true });
  cleanups.push(() => database.stop());
  await migrateDatabase(database.url);
  connectDatabase(database.url);
  cleanups.push(() => closeDatabase());
  const demo = database.embedded ? await seedDemoWorkspaceIfEmpty() : null;
  // pg-boss creates its schema (pgboss) on first start; jobs run beside the app.
  const jobs = await startJobQueue(database.url, allJobs());
  cleanups.push(() => jobs.stop());

  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const httpServer = createServer((req, res) => {
    const forwarded = applyTrustedProxy(req, env.TRUST_PROXY);
    const hsts = strictTransportSecurity(forwarded.proto === "https");
    if (hsts) res.setHeader("strict-transport-security", hsts);
    const refusal = earlyRefusal(req, env.APP_URL, env.TRUST_PROXY);
    if (refusal) {
      res.statusCode = errorCatalogue[refusal.code];
      res.setHeader("content-type", "application/json");
      return void res.end(JSON.stringify({ error: refusal }));
    }
    // As `next start` does: a rejected request must not become an unhandled rejection,
    // which would stop the whole process.
    handle(req, res).catch((error: unknown) => {
      logger.error("request failed", { method: req.method, url: req.url, error });
      if (res.headersSent) return void res.destroy();
      res.statusCode = 500;
      res.end("Internal Server Error");
    });
  });
  if (dev) {
    const upgrade = app.getUpgradeHandler();
    httpServer.on("upgrade", (req, socket, head) => {
      if (req.url?.startsWith("/socket.io")) return;
      upgrade(req, socket, head).catch((error: unknown) => {
        logger.error("upgrade failed", { url: req.url, error });
        socket.destroy();
      });
    });
  }
  const realtime = await attachRealtime(httpServer, { redisUrl: env.REDIS_URL });
  forwardEventsToSockets(realtime.io);
  cleanups.push(async () => {
    // Open keep-alive and websocket connections would hold close() forever.
    httpServer.closeAllConnections();
    await realtime.close();
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new EnvError(`Port ${env.PORT} is already in use: stop what runs there or set PORT to another port.`)
          : error,
      ),
    );
    httpServer.listen(env.PORT, env.host, resolve);
  });
  if (env.SMTP_PORT !== 0) {
    const smtp = await startSmtpListener({ port: env.SMTP_PORT, host: env.host }).catch((error: NodeJS.ErrnoException) => {
      throw error.code === "EADDRINUSE"
        ? new EnvError(`SMTP port ${env.SMTP_PORT} is already in use: stop what runs there, set SMTP_PORT to another port, or 0 to turn the listener off.`)
        : error;
    });
    cleanups.push(() => smtp.close());
    logger.info(`Receiving mail over SMTP on port ${smtp.port}`);
  }
  const imap = startImapFetchers();
  cleanups.push(() => imap.stop());
  // Mail accepted before a crash but never processed.
  void processStrandedInboundEmails(0).catch((error: unknown) => logger.error("inbound mail sweep failed", { error }));
  logger.info(env.SMTP_URL ? "Sending mail through SMTP_URL" : "SMTP_URL is not set: outgoing mail stays in the outbox");
  const shopUrl = database.embedded ? await openDemoShop(env) : null;
  recordAppUrl();
  logger.info(`Touchbase is ready at ${appUrl()} (${Date.now() - startedAt} ms)`);
  logger.info(database.embedded ? `Database: embedded PostgreSQL in ${database.location}` : "Database: DATABASE_URL");
  if (demo) logger.info(`Demo login: ${demo.email} / ${demo.password}`);
  if (shopUrl) logger.info(`Demo shop with the chat widget (chat as a customer there, answer in the inbox): ${shopUrl}`);
  if (database.embedded && !env.HOST) {
    logger.info("Listening on this machine only (127.0.0.1): set HOST=0.0.0.0 to open it to others, after changing the demo passwords");
  }
}

/** The demo shop page on another port, so the widget runs on another origin, as on a real site. */
async function openDemoShop(env: ReturnType<typeof getEnv>): Promise<string | null> {
  const port = env.DEMO_SHOP_PORT ?? env.PORT + 1;
  if (port === 0) return null;
  await ensureDemoChatChannel([`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
  try {
    const shop = await startDemoShop({ port, host: env.host, appUrl: appUrl() });
    cleanups.push(shop.close);
    return shop.url;
  } catch (error) {
    logger.warn(`The demo shop could not listen on port ${port} (set DEMO_SHOP_PORT to another port, or 0): ${String(error)}`);
    return null;
  }
}

let shuttingDown = false;

async function shutdown(reason: string, exitCode: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  process.stderr.write(`${reason}: shutting down\n`);
  setTimeout(() => process.exit(exitCode || 1), shutdownDeadlineMs).unref();
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      process.stderr.write(`shutdown step failed: ${String(error)}\n`);
    }
  }
  process.exit(exitCode);
}

main().catch((error: unknown) => {
  // Straight to stderr: the logger itself needs a valid environment.
  const message = error instanceof EnvError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`Touchbase could not start.\n${message}\n`);
  void shutdown("start failed", 1);
});
