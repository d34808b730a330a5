import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { apiKeyScopes, type ApiKeyScope } from "../../timeline/timeline-constants";
import { userRoles, type UserRole } from "../../users/user-roles";

export { userRoles };
export type { UserRole };

export const userRole = pgEnum("user_role", userRoles);

export { apiKeyScopes };
export type { ApiKeyScope };
export const apiKeyScope = pgEnum("api_key_scope", apiKeyScopes);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Stored lower-cased so that login and uniqueness ignore case.
    email: text().notNull(),
    name: text().notNull(),
    role: userRole().notNull().default("staff"),
    passwordHash: text(),
    active: boolean().notNull().default(true),
    // Set while the password is one an admin chose (lib/users/add-teammate.ts): the person
    // must pick their own before doing anything else.
    mustChangePassword: boolean().notNull().default(false),
    // The company identity provider's stable id for this person (issuer + subject), set at
    // their first company sign-in; their email may change there, this does not.
    oidcIssuer: text(),
    oidcSubject: text(),
    // What this person wants to hear about, chosen under Your account: in the app (the bell)
    // and by mail, for mentions and for tickets given to them.
    notifyMentionsInApp: boolean().notNull().default(true),
    notifyMentionsByEmail: boolean().notNull().default(true),
    notifyAssignmentsInApp: boolean().notNull().default(true),
    notifyAssignmentsByEmail: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    uniqueIndex("users_oidc_identity_key").on(t.oidcIssuer, t.oidcSubject),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    // The first characters of the key, shown in Settings so an admin can tell keys apart.
    prefix: text().notNull(),
    // SHA-256 of the whole key: keys are long random strings, so a fast hash is enough.
    keyHash: text().notNull(),
    // An `ingest` key is a Segment-style write key: it can send events and nothing else.
    scope: apiKeyScope().notNull().default("full"),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("api_keys_key_hash_key").on(t.keyHash),
    index("api_keys_active_idx").on(t.createdAt).where(sql`${t.revokedAt} is null`),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;
