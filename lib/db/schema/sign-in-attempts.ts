import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// One row per password sign-in that was checked, keyed by the normalized email rather than a
// user id (unknown emails are throttled the same way, so the table must not reveal which exist)
// and by the client's address (lib/http/client-address.ts), which the throttle rules count per.
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    // Attempts recorded before addresses were kept have ''.
    address: text().notNull().default(""),
    succeeded: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_email_created_at_idx").on(t.email, t.createdAt),
    index("sign_in_attempts_address_created_at_idx").on(t.address, t.createdAt),
  ],
);

export type SignInAttempt = typeof signInAttempts.$inferSelect;
export type NewSignInAttempt = typeof signInAttempts.$inferInsert;
