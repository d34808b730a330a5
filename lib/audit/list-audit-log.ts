import { desc, sql } from "drizzle-orm";
import type { KeysetCursor } from "@/lib/api/keyset-cursor";
import type { Queryable } from "@/lib/db/client";
import { microsecondIso } from "@/lib/db/keyset";
import { auditLog } from "@/lib/db/schema";

export type AuditLogView = {
  id: string;
  action: string;
  actor: { type: "user" | "api_key" | "system"; id: string | null; name: string };
  target: { type: string; id: string | null; name: string | null };
  data: Record<string, unknown>;
  createdAt: string;
};

/** What Settings shows at a time. */
export const auditLogPageSize = 25;

/** The newest entries first, a page at a time from `cursor` (the last entry of the page before). */
export async function listAuditLog(
  q: Queryable,
  options: { limit: number; cursor?: KeysetCursor },
): Promise<{ entries: AuditLogView[]; nextCursor: KeysetCursor | null }> {
  const rows = await q
    .select({ row: auditLog, cursorAt: microsecondIso(auditLog.createdAt) })
    .from(auditLog)
    .where(
      options.cursor
        ? sql`(${auditLog.createdAt}, ${auditLog.id}) < (${options.cursor.at}::timestamptz, ${options.cursor.id}::uuid)`
        : undefined,
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    entries: page.map(({ row }) => ({
      id: row.id,
      action: row.action,
      actor: {
        type: row.actorUserId ? "user" : row.actorApiKeyId ? "api_key" : "system",
        id: row.actorUserId ?? row.actorApiKeyId,
        name: row.actorName,
      },
      target: { type: row.targetType, id: row.targetId, name: row.targetName },
      data: row.data,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > options.limit && last ? { at: last.cursorAt, id: last.row.id } : null,
  };
}
