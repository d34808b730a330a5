import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { touchpointFamilies, type TouchpointFamily } from "../../timeline/timeline-constants";
import { customers } from "./customers";

export { touchpointFamilies };
export type { TouchpointFamily };

export const touchpointFamily = pgEnum("touchpoint_family", touchpointFamilies);

// One thing a customer did or was sent outside a ticket: an order, a page view, an opened
// email, a review... Tickets, messages and calls are on the timeline too, but are read
// from their own tables (lib/timeline/timeline-queries.ts), never copied here.
export const touchpoints = pgTable(
  "touchpoints",
  {
    id: uuid().primaryKey().defaultRandom(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    family: touchpointFamily().notNull(),
    // The event name as sent ("Order Completed"), or "page" / "screen".
    type: text().notNull(),
    // Who sent it: "segment" (the ingest API), "widget", "import"...
    source: text().notNull(),
    // When it happened (Segment's timestamp, corrected for the sender's clock skew).
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // The one-line summary shown on the timeline, made at ingest (lib/timeline/classify-touchpoint.ts).
    title: text().notNull(),
    properties: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    // Segment's context (page, campaign, user agent...): ads are told apart by it.
    context: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    // The sender's id for the call: the same messageId from the same source is stored once.
    messageId: text(),
    // The ids as the sender gave them, kept for audit and for undoing a merge.
    userId: text(),
    anonymousId: text(),
  },
  (t) => [
    // NULLS FIRST matches a plain `order by ... desc` (see tickets_inbox_idx): the
    // timeline reads a customer's newest first and continues from a keyset cursor.
    index("touchpoints_customer_timeline_idx").on(
      t.customerId,
      t.occurredAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("touchpoints_customer_family_timeline_idx").on(
      t.customerId,
      t.family,
      t.occurredAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    uniqueIndex("touchpoints_source_message_id_key")
      .on(t.source, t.messageId)
      .where(sql`${t.messageId} is not null`),
  ],
);

export type Touchpoint = typeof touchpoints.$inferSelect;
export type NewTouchpoint = typeof touchpoints.$inferInsert;
