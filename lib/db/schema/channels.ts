import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channelKinds, type ChannelKind } from "../../tickets/ticket-constants";

export { channelKinds };
export type { ChannelKind };

export const channelKind = pgEnum("channel_kind", channelKinds);

// An inbox customers reach us through: an email address, a website's chat widget, a phone
// number. What each kind needs lives in `settings` (public) and `sealedSecrets` (passwords
// and tokens, encrypted by lib/channels/secret-box.ts), typed by the kind's config.
export const channels = pgTable(
  "channels",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: channelKind().notNull(),
    name: text().notNull(),
    settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    sealedSecrets: text(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("channels_kind_idx").on(t.kind, t.createdAt),
    // A number rings in one place: the phone channel that owns it.
    uniqueIndex("channels_phone_number_key")
      .on(sql`(${t.settings}->>'phoneNumber')`)
      .where(sql`${t.kind} = 'phone'`),
  ],
);

export type Channel = typeof channels.$inferSelect;
export type NewChannel = typeof channels.$inferInsert;
