import { sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

export async function GET() {
  const startedAt = performance.now();
  try {
    await db().execute(sql`select 1`);
    return Response.json({ status: "ok", database: "up", latencyMs: Math.round(performance.now() - startedAt) });
  } catch (error) {
    logger.error("health check: database unreachable", { error });
    return Response.json({ status: "error", database: "down" }, { status: 503 });
  }
}
