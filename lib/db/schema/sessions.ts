import { sql } from "drizzle-orm";
import { index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

// One row per sign-in. The session cookie is a signed JWT naming this row, and every page,
// action and socket checks that the row is still open: ending a row ends that session at
// once, which a JWT alone cannot do.
export const sessions = pgTable(
  "sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("sessions_open_user_idx").on(t.userId).where(sql`${t.endedAt} is null`)],
);

export type Session = typeof sessions.$inferSelect;
