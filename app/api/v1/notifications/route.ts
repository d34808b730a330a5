import { eq } from "drizzle-orm";
import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { encodeKeysetCursor, keysetCursorParam } from "@/lib/api/keyset-cursor";
import { db } from "@/lib/db/client";
import { apiKeys } from "@/lib/db/schema";
import { forbidden } from "@/lib/errors";
import { countUnreadNotifications, listNotifications } from "@/lib/notifications/notification-queries";

export const dynamic = "force-dynamic";

const notificationsQuery = z.strictObject({
  cursor: keysetCursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  unread: z.enum(["true", "false"]).optional(),
});

// Notifications are a person's: a key answers for the teammate who created it in Settings.
export const GET = apiRoute({ query: notificationsQuery }, async ({ actor, query }) => {
  let userId = actor.type === "user" ? actor.id : null;
  if (actor.type === "api_key") {
    const [key] = await db().select({ createdById: apiKeys.createdById }).from(apiKeys).where(eq(apiKeys.id, actor.id));
    userId = key?.createdById ?? null;
  }
  if (!userId) throw forbidden("This key belongs to nobody (it was made on the command line): notifications are a person's");
  const page = await listNotifications(db(), userId, { limit: query.limit, cursor: query.cursor, unreadOnly: query.unread === "true" });
  return Response.json({
    data: page.notifications,
    unread: await countUnreadNotifications(db(), userId),
    nextCursor: page.nextCursor && encodeKeysetCursor(page.nextCursor),
  });
});
