import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { TicketFilterFields } from "../../tickets/ticket-filter";
import { teams } from "./teams";
import { users } from "./users";

// A view someone saved from the inbox's filters: theirs alone, or shared with one team
// (then only that team's members see it).
export const savedViews = pgTable(
  "saved_views",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    teamId: uuid().references(() => teams.id, { onDelete: "cascade" }),
    filters: jsonb().$type<TicketFilterFields>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("saved_views_owner_idx").on(t.ownerId), index("saved_views_team_idx").on(t.teamId)],
);

export type SavedView = typeof savedViews.$inferSelect;

// How many open tickets each sidebar view holds, kept by a statement-level trigger on
// tickets (drizzle/0014_*.sql) so that the sidebar never counts millions of rows.
// dimension: "open" (key ""), "assignee" (user id or "none"), "channel", "team" (team id
// or "none"), "tag".
export const inboxCounts = pgTable(
  "inbox_counts",
  {
    dimension: text().notNull(),
    key: text().notNull(),
    count: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.dimension, t.key] })],
);
