import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { encodeKeysetCursor, keysetCursorParam } from "@/lib/api/keyset-cursor";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { canManageWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";

export const dynamic = "force-dynamic";

const auditLogQuery = z.strictObject({
  cursor: keysetCursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

// Keys are made by admins, so a key may read what admins read in Settings.
export const GET = apiRoute({ query: auditLogQuery }, async ({ actor, query }) => {
  if (!canManageWorkspace(actor)) throw forbidden();
  const page = await listAuditLog(db(), { limit: query.limit, cursor: query.cursor });
  return Response.json({ data: page.entries, nextCursor: page.nextCursor && encodeKeysetCursor(page.nextCursor) });
});
