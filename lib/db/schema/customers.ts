import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const customers = pgTable(
  "customers",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text(),
    // The preferred address for replies; every known address is also an identity below.
    email: text(),
    phone: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("customers_created_at_idx").on(t.createdAt)],
);

export type Customer = typeof customers.$inferSelect;

export const identityKinds = ["email", "phone", "external_id", "anonymous_id"] as const;
export const identityKind = pgEnum("identity_kind", identityKinds);

// Every way we know a customer by; (kind, value) is unique, which is what identity
// resolution and merging stand on.
export const customerIdentities = pgTable(
  "customer_identities",
  {
    id: uuid().primaryKey().defaultRandom(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    kind: identityKind().notNull(),
    value: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("customer_identities_kind_value_key").on(t.kind, t.value),
    index("customer_identities_customer_idx").on(t.customerId),
  ],
);

export type CustomerIdentity = typeof customerIdentities.$inferSelect;
