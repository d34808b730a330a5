import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { apiKeys, users } from "./users";

export type Traits = Record<string, unknown>;

// A customer's organisation: from Segment group() calls (groupId) or from the domain of
// a work email address (never a free-mail domain such as gmail.com).
export const companies = pgTable(
  "companies",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text(),
    // Lower-cased, without "www.".
    domain: text(),
    // The groupId a Segment group() call named it by.
    groupId: text(),
    traits: jsonb().$type<Traits>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("companies_domain_key").on(t.domain).where(sql`${t.domain} is not null`),
    uniqueIndex("companies_group_id_key").on(t.groupId).where(sql`${t.groupId} is not null`),
    // Customer search finds a company's people by any part of its name.
    index("companies_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
  ],
);

export type Company = typeof companies.$inferSelect;

export const customers = pgTable(
  "customers",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text(),
    // The preferred address for replies; every known address is also an identity below.
    email: text(),
    phone: text(),
    // What identify() calls said about the customer, merged key by key (newest wins).
    traits: jsonb().$type<Traits>().notNull().default({}),
    companyId: uuid().references(() => companies.id, { onDelete: "set null" }),
    // Set when this customer was merged into another: the row stays so that the merge can
    // be undone (customer_merges), but it is no longer a customer anyone should see.
    mergedIntoId: uuid().references((): AnyPgColumn => customers.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("customers_created_at_idx").on(t.createdAt),
    index("customers_company_idx").on(t.companyId).where(sql`${t.companyId} is not null`),
    // Customer search (lib/customers/search-customers.ts): names by any part, typos aside.
    index("customers_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
  ],
);

export type Customer = typeof customers.$inferSelect;

export const identityKinds = ["email", "phone", "external_id", "anonymous_id"] as const;
export type IdentityKind = (typeof identityKinds)[number];
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
    // An email address that bounced: replies still queue, staff see it is failing.
    failingSince: timestamp({ withTimezone: true }),
    failureReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("customer_identities_kind_value_key").on(t.kind, t.value),
    index("customer_identities_customer_idx").on(t.customerId),
    // Customer search by any part of an email, phone or external id.
    index("customer_identities_value_trgm_idx").using("gin", t.value.op("gin_trgm_ops")),
    // Customer search by the start of an email or id (search-customers.ts), in any collation.
    index("customer_identities_value_prefix_idx")
      .on(t.value.op("text_pattern_ops"))
      .where(sql`${t.kind} in ('email', 'phone', 'external_id')`),
  ],
);

export type CustomerIdentity = typeof customerIdentities.$inferSelect;

export const mergeReasons = ["manual", "identify", "alias"] as const;
export type MergeReason = (typeof mergeReasons)[number];
export const mergeReason = pgEnum("customer_merge_reason", mergeReasons);

// The audit entry of a merge and everything needed to undo it: which rows moved from the
// merged customer to the survivor, and both customers as they were before.
export const customerMerges = pgTable(
  "customer_merges",
  {
    id: uuid().primaryKey().defaultRandom(),
    survivorId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    mergedId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    reason: mergeReason().notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    actorApiKeyId: uuid().references(() => apiKeys.id, { onDelete: "set null" }),
    movedTouchpointIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    movedTicketIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    movedIdentityIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    // name, email, phone, traits and companyId of each customer just before the merge.
    survivorBefore: jsonb().$type<CustomerSnapshot>().notNull(),
    mergedBefore: jsonb().$type<CustomerSnapshot>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    unmergedAt: timestamp({ withTimezone: true }),
    unmergedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("customer_merges_survivor_idx").on(t.survivorId, t.createdAt),
    index("customer_merges_merged_idx").on(t.mergedId, t.createdAt),
  ],
);

export type CustomerSnapshot = {
  name: string | null;
  email: string | null;
  phone: string | null;
  traits: Traits;
  companyId: string | null;
};

export type CustomerMerge = typeof customerMerges.$inferSelect;
