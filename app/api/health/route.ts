import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

/** 200 `{"status": "ok" | "busy"}` while the database answers, 503 when it does not. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "error" ? 503 : 200 });
}
