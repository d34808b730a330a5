import { index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { customers } from "./customers";
import { users } from "./users";

// Who among the `staff` role looked which customer up, and when: staff are every employee,
// not only support, so admins can see who reads customer records (Settings).
export const customerLookups = pgTable(
  "customer_lookups",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Read newest first: a backward scan of this index.
  (t) => [index("customer_lookups_recent_idx").on(t.createdAt, t.id)],
);

export type CustomerLookup = typeof customerLookups.$inferSelect;
