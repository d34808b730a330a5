import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { uuidV7 } from "@/lib/db/uuid-v7";
import type { Touchpoint } from "@/lib/db/schema";
import { publish } from "@/lib/events/event-bus";
import { classifyTouchpoint, type TouchpointInput } from "./classify-touchpoint";
import type { TimelineItem } from "./timeline-queries";

export type TouchpointRecord = TouchpointInput & {
  customerId: string;
  /** Who sent it ("segment", "widget", "import"): a messageId is unique per source. */
  source: string;
  occurredAt: Date;
  receivedAt?: Date;
  /** The sender's id for this event; the same one again is not stored twice. */
  messageId?: string | null;
  userId?: string | null;
  anonymousId?: string | null;
};

/**
 * Stores touchpoints in the caller's transaction with one insert, classified into their
 * family with their summary line. A messageId already stored for the source is skipped
 * (also within the same call), which is what makes retried ingest idempotent. Returns
 * the rows it stored; publish them with publishTouchpoints after the commit.
 */
export async function recordTouchpoints(tx: Transaction, records: TouchpointRecord[]): Promise<Touchpoint[]> {
  if (records.length === 0) return [];
  const rows: Touchpoint[] = records.map((record) => ({
    id: uuidV7(),
    customerId: record.customerId,
    ...classifyTouchpoint(record),
    source: record.source,
    occurredAt: record.occurredAt,
    receivedAt: record.receivedAt ?? new Date(),
    properties: record.properties ?? {},
    context: record.context ?? {},
    messageId: record.messageId ?? null,
    userId: record.userId ?? null,
    anonymousId: record.anonymousId ?? null,
  }));
  // The rows travel as one JSON parameter: a batch of any size is one short statement,
  // far cheaper to build and parse than thirteen parameters a row.
  const inserted = await tx.execute<{ id: string }>(sql`
    insert into touchpoints (id, customer_id, family, type, title, source, occurred_at, received_at, properties, context,
      message_id, user_id, anonymous_id)
    select id, "customerId", family, type, title, source, "occurredAt", "receivedAt", properties, context,
      "messageId", "userId", "anonymousId"
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, "customerId" uuid, family touchpoint_family,
      type text, title text, source text, "occurredAt" timestamptz, "receivedAt" timestamptz, properties jsonb,
      context jsonb, "messageId" text, "userId" text, "anonymousId" text)
    on conflict do nothing
    returning id`);
  const stored = new Set([...inserted].map((row) => row.id));
  return rows.filter((row) => stored.has(row.id));
}

/** One touchpoint, e.g. a page view the chat widget saw; null when its messageId was already stored. */
export async function recordTouchpoint(tx: Transaction, record: TouchpointRecord): Promise<Touchpoint | null> {
  const [stored] = await recordTouchpoints(tx, [record]);
  return stored ?? null;
}

export function touchpointItem(touchpoint: Touchpoint): TimelineItem {
  return {
    id: touchpoint.id,
    family: touchpoint.family,
    type: touchpoint.type,
    title: touchpoint.title,
    occurredAt: touchpoint.occurredAt.toISOString(),
    properties: touchpoint.properties,
  };
}

/** Tells open customer pages about new touchpoints: one event per customer. Call after commit. */
export function publishTouchpoints(stored: Touchpoint[]): void {
  const byCustomer = new Map<string, TimelineItem[]>();
  for (const touchpoint of stored) {
    const items = byCustomer.get(touchpoint.customerId) ?? [];
    items.push(touchpointItem(touchpoint));
    byCustomer.set(touchpoint.customerId, items);
  }
  publish(...[...byCustomer].map(([customerId, items]) => ({ type: "touchpoint.created" as const, customerId, items })));
}
