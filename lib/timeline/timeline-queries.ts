import { sql, type SQL } from "drizzle-orm";
import { decodeKeysetCursor, encodeKeysetCursor, type KeysetCursor } from "@/lib/api/keyset-cursor";
import type { Queryable } from "@/lib/db/client";
import { invalidField } from "@/lib/errors";
import { touchpointFamilies, type TimelineFamily } from "./timeline-constants";

// Data access only: callers pass the customer they may read; nothing here reads a session.

/** One entry of a customer's timeline: a touchpoint, or a ticket, message or call read from the tickets. */
export type TimelineItem = {
  id: string;
  family: TimelineFamily;
  type: string;
  title: string;
  /** ISO 8601, milliseconds. */
  occurredAt: string;
  properties: Record<string, unknown>;
  /** The ticket a ticket, message or call entry belongs to. */
  ticketId?: string;
};

export type TimelinePage = { data: TimelineItem[]; nextCursor: string | null };

export const maxTimelinePageSize = 100;

// Position after the last entry of a page: newest first, id breaks ties. `at` keeps
// PostgreSQL's microseconds so that entries within one millisecond are never skipped.
type TimelineCursor = KeysetCursor;

/** A `cursor` query value is a token from a previous page; anything else is refused before SQL. */
export function parseTimelineCursor(token: string): TimelineCursor {
  const cursor = decodeKeysetCursor(token);
  if (!cursor) throw invalidField("cursor", "cursor must be the nextCursor of a previous page");
  return cursor;
}

const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const isoMicros = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

type Row = {
  id: string;
  family: TimelineFamily;
  type: string;
  title: string;
  occurred_at: string;
  cursor_at: string;
  properties: Record<string, unknown>;
  ticket_id: string | null;
};

/**
 * A customer's timeline, newest first: their touchpoints, tickets, and the messages and
 * calls on those tickets. Each source is read in index order up to one page past the
 * cursor and the union is cut to a page, so a deep page costs the same as the first
 * (keyset, never OFFSET).
 */
export async function readCustomerTimeline(
  q: Queryable,
  customerId: string,
  options: { family?: TimelineFamily; cursor?: string; limit?: number } = {},
): Promise<TimelinePage> {
  const limit = Math.min(Math.max(options.limit ?? 25, 1), maxTimelinePageSize);
  const cursor = options.cursor ? parseTimelineCursor(options.cursor) : undefined;
  const family = options.family;
  const branches: SQL[] = [];
  if (!family || (touchpointFamilies as readonly string[]).includes(family)) {
    branches.push(touchpointBranch(customerId, family, cursor, limit + 1));
  }
  if (!family || family === "ticket") branches.push(ticketBranch(customerId, cursor, limit + 1));
  if (!family || family === "message" || family === "call") {
    branches.push(messageBranch(customerId, family as "message" | "call" | undefined, cursor, limit + 1));
  }
  const rows = await q.execute<Row>(sql`
    select * from (${sql.join(branches, sql` union all `)}) as timeline
    order by sort_at desc, id desc
    limit ${limit + 1}`);
  const page = [...rows].slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(toItem),
    nextCursor: rows.length > limit && last ? encodeKeysetCursor({ at: last.cursor_at, id: last.id }) : null,
  };
}

/**
 * The customer's touchpoints before a moment (a ticket's start), newest first: what the
 * ticket page shows beside the conversation as their recent journey.
 */
export async function recentJourney(
  q: Queryable,
  customerId: string,
  before: Date,
  limit = 10,
): Promise<TimelineItem[]> {
  const rows = await q.execute<Row>(sql`
    select * from (${touchpointBranch(customerId, undefined, { at: before.toISOString(), id: "ffffffff-ffff-ffff-ffff-ffffffffffff" }, Math.min(Math.max(limit, 1), maxTimelinePageSize))}) as journey
    order by sort_at desc, id desc`);
  return [...rows].map(toItem);
}

function keysetAfter(at: SQL, id: SQL, cursor: TimelineCursor | undefined): SQL {
  // A row comparison lets PostgreSQL start the index scan at the cursor.
  return cursor ? sql`and (${at}, ${id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : sql``;
}

function touchpointBranch(
  customerId: string,
  family: TimelineFamily | undefined,
  cursor: TimelineCursor | undefined,
  limit: number,
): SQL {
  const at = sql`tp.occurred_at`;
  return sql`(
    select tp.id, tp.family::text as family, tp.type, tp.title, tp.occurred_at as sort_at,
      ${iso(at)} as occurred_at, ${isoMicros(at)} as cursor_at, tp.properties, null::uuid as ticket_id
    from touchpoints tp
    where tp.customer_id = ${customerId}::uuid
      ${family ? sql`and tp.family = ${family}::touchpoint_family` : sql``}
      ${keysetAfter(at, sql`tp.id`, cursor)}
    order by tp.occurred_at desc, tp.id desc
    limit ${limit})`;
}

function ticketBranch(customerId: string, cursor: TimelineCursor | undefined, limit: number): SQL {
  const at = sql`t.created_at`;
  return sql`(
    select t.id, 'ticket' as family, 'ticket.opened' as type,
      'Opened ticket #' || t.number || ' · ' || t.subject as title, t.created_at as sort_at,
      ${iso(at)} as occurred_at, ${isoMicros(at)} as cursor_at,
      jsonb_build_object('number', t.number, 'subject', t.subject, 'status', t.status, 'channel', t.channel,
        'priority', t.priority) as properties,
      t.id as ticket_id
    from tickets t
    where t.customer_id = ${customerId}::uuid ${keysetAfter(at, sql`t.id`, cursor)}
    order by t.created_at desc, t.id desc
    limit ${limit})`;
}

function messageBranch(
  customerId: string,
  family: "message" | "call" | undefined,
  cursor: TimelineCursor | undefined,
  limit: number,
): SQL {
  const at = sql`m.created_at`;
  // System event messages (status changes and the like) are the ticket's own history,
  // not something the customer did or was told.
  const kinds = family === "call" ? sql`m.kind = 'call'` : family === "message" ? sql`m.kind in ('reply', 'note')` : sql`m.kind <> 'event'`;
  return sql`(
    select m.id, case when m.kind = 'call' then 'call' else 'message' end as family,
      case when m.kind = 'call' then 'call' when m.kind = 'note' then 'note.added'
        when m.direction = 'in' then 'message.received' else 'reply.sent' end as type,
      left(regexp_replace(left(m.body_text, 400), '\\s+', ' ', 'g'), 200) as title, m.created_at as sort_at,
      ${iso(at)} as occurred_at, ${isoMicros(at)} as cursor_at,
      jsonb_build_object('ticketNumber', t.number, 'seq', m.seq, 'direction', m.direction, 'kind', m.kind,
        'internal', m.kind = 'note') as properties,
      m.ticket_id
    from messages m join tickets t on t.id = m.ticket_id
    where t.customer_id = ${customerId}::uuid and ${kinds} ${keysetAfter(at, sql`m.id`, cursor)}
    order by m.created_at desc, m.id desc
    limit ${limit})`;
}

function toItem(row: Row): TimelineItem {
  return {
    id: row.id,
    family: row.family,
    type: row.type,
    title: row.title,
    occurredAt: row.occurred_at,
    properties: row.properties,
    ...(row.ticket_id ? { ticketId: row.ticket_id } : {}),
  };
}
