import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// One row per password sign-in that was checked, keyed by the normalized email rather than a
// user id: unknown addresses are throttled the same way, so the table must not reveal which exist.
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    succeeded: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_email_created_at_idx").on(t.email, t.createdAt)],
);

export type SignInAttempt = typeof signInAttempts.$inferSelect;
export type NewSignInAttempt = typeof signInAttempts.$inferInsert;
