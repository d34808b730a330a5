import { and, asc, eq, inArray, notInArray } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { apiKeys, ticketEvents, users } from "@/lib/db/schema";
import type { TicketActivityView } from "./ticket-views";

// Data access only: callers pass their scope; nothing here reads a session.

// These events record a message, which the conversation shows itself.
const messageEventTypes = ["ticket.created", "message.received", "note.added", "reply.sent", "call.logged", "call.started"];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const activityColumns = {
  event: ticketEvents,
  actorUser: { id: users.id, name: users.name, email: users.email },
  actorApiKey: { id: apiKeys.id, name: apiKeys.name },
};

function selectActivity(q: Queryable) {
  return q
    .select(activityColumns)
    .from(ticketEvents)
    .leftJoin(users, eq(users.id, ticketEvents.actorUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, ticketEvents.actorApiKeyId));
}

/** Everything that happened to a ticket besides its messages, oldest first. */
export async function listTicketActivity(q: Queryable, ticketId: string): Promise<TicketActivityView[]> {
  const rows = await selectActivity(q)
    .where(and(eq(ticketEvents.ticketId, ticketId), notInArray(ticketEvents.type, messageEventTypes)))
    .orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id));
  return toViews(q, rows);
}

/** The given events (just written by a use-case), as the conversation shows them. */
export async function findTicketActivity(q: Queryable, eventIds: string[]): Promise<TicketActivityView[]> {
  if (eventIds.length === 0) return [];
  const rows = await selectActivity(q)
    .where(and(inArray(ticketEvents.id, eventIds), notInArray(ticketEvents.type, messageEventTypes)))
    .orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id));
  return toViews(q, rows);
}

type ActivityRow = {
  event: typeof ticketEvents.$inferSelect;
  actorUser: { id: string; name: string; email: string } | null;
  actorApiKey: { id: string; name: string } | null;
};

async function toViews(q: Queryable, rows: ActivityRow[]): Promise<TicketActivityView[]> {
  const names = await teammateNames(q, rows.flatMap((row) => Object.values(row.event.data)));
  return rows.map(({ event, actorUser, actorApiKey }) => ({
    id: event.id,
    ticketId: event.ticketId,
    type: event.type,
    actor: actorUser
      ? { type: "user", id: actorUser.id, name: actorUser.name || actorUser.email }
      : actorApiKey
        ? { type: "api_key", id: actorApiKey.id, name: actorApiKey.name }
        : null,
    data: event.data,
    people: Object.fromEntries(
      Object.values(event.data).flatMap((value) => (typeof value === "string" && names.has(value) ? [[value, names.get(value)!]] : [])),
    ),
    createdAt: event.createdAt.toISOString(),
  }));
}

async function teammateNames(q: Queryable, values: unknown[]): Promise<Map<string, string>> {
  const ids = [...new Set(values.filter((value): value is string => typeof value === "string" && uuidPattern.test(value)))];
  if (ids.length === 0) return new Map();
  const rows = await q.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, row.name || row.email]));
}
