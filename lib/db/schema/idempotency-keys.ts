import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

// The first answer to each `Idempotency-Key` a caller sent (lib/api/idempotency.ts). The row
// is written in the same transaction as the request's own changes, so a request either
// committed both or neither: a retry after a crash finds the answer or redoes the work.
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    // Who sent the key, e.g. "api_key:<id>": keys are unique per caller, not globally.
    scope: text().notNull(),
    key: text().notNull(),
    // SHA-256 of the method, path and canonical JSON body: a retry must be the same request.
    fingerprint: text().notNull(),
    status: integer().notNull(),
    // The response body exactly as first sent.
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("idempotency_keys_created_at_idx").on(t.createdAt)],
);

export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;
