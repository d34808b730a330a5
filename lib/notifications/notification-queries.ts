import { and, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { KeysetCursor } from "@/lib/api/keyset-cursor";
import type { Queryable } from "@/lib/db/client";
import { microsecondIso } from "@/lib/db/keyset";
import { messages, notifications, tickets, users } from "@/lib/db/schema";
import type { NotificationView } from "./notification-views";

// Data access only: the caller says whose notifications.

function selectViews(q: Queryable) {
  return q
    .select({
      id: notifications.id,
      kind: notifications.kind,
      ticketId: tickets.id,
      ticketNumber: tickets.number,
      ticketSubject: tickets.subject,
      actorId: users.id,
      actorName: users.name,
      excerpt: sql<string | null>`left(${messages.bodyText}, 200)`,
      createdAt: notifications.createdAt,
      cursorAt: microsecondIso(notifications.createdAt),
      readAt: notifications.readAt,
    })
    .from(notifications)
    .innerJoin(tickets, eq(tickets.id, notifications.ticketId))
    .leftJoin(users, eq(users.id, notifications.actorUserId))
    .leftJoin(messages, eq(messages.id, notifications.messageId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectViews>["where"]>>[number];

function toView(row: Row): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    ticket: { id: row.ticketId, number: row.ticketNumber, subject: row.ticketSubject },
    actor: row.actorId && row.actorName ? { id: row.actorId, name: row.actorName } : null,
    excerpt: row.excerpt,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** Someone's notifications, newest first, by keyset. */
export async function listNotifications(
  q: Queryable,
  userId: string,
  options: { limit: number; cursor?: KeysetCursor; unreadOnly?: boolean },
): Promise<{ notifications: NotificationView[]; nextCursor: KeysetCursor | null }> {
  const conditions: SQL[] = [eq(notifications.userId, userId)];
  if (options.unreadOnly) conditions.push(isNull(notifications.readAt));
  if (options.cursor) {
    conditions.push(
      sql`(${notifications.createdAt}, ${notifications.id}) < (${options.cursor.at}::timestamptz, ${options.cursor.id}::uuid)`,
    );
  }
  const rows = await selectViews(q)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    notifications: page.map(toView),
    nextCursor: rows.length > options.limit && last ? { at: last.cursorAt, id: last.id } : null,
  };
}

export async function countUnreadNotifications(q: Queryable, userId: string): Promise<number> {
  return q.$count(notifications, and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

export async function findNotificationViews(q: Queryable, ids: string[]): Promise<(NotificationView & { userId: string })[]> {
  if (ids.length === 0) return [];
  const rows = await q
    .select({ id: notifications.id, userId: notifications.userId })
    .from(notifications)
    .where(inArray(notifications.id, ids));
  const owners = new Map(rows.map((row) => [row.id, row.userId]));
  const views = await selectViews(q).where(inArray(notifications.id, ids)).orderBy(notifications.createdAt);
  return views.map((row) => ({ ...toView(row), userId: owners.get(row.id)! }));
}
