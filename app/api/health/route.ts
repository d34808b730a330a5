import { sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

const timeoutMs = 3000;

export async function GET() {
  const startedAt = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db().execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return Response.json({ status: "ok", database: "up", latencyMs: Math.round(performance.now() - startedAt) });
  } catch (error) {
    logger.error("health check: database unreachable", { error });
    return Response.json({ status: "error", database: "down" }, { status: 503 });
  } finally {
    clearTimeout(timer);
  }
}
