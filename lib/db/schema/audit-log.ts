import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { apiKeys, users } from "./users";

// Who changed the workspace's team and settings, and how: people added, roles changed,
// deactivations, API keys, channels. Ticket history lives in ticket_events instead.
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid().primaryKey().defaultRandom(),
    action: text().notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    actorApiKeyId: uuid().references(() => apiKeys.id, { onDelete: "set null" }),
    // The actor's name when it acted, so the entry still reads right after a rename or removal.
    actorName: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    targetName: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_recent_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())],
);

export type AuditLogEntry = typeof auditLog.$inferSelect;
