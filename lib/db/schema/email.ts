import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { messages, tickets } from "./tickets";

export const inboundEmailStatuses = ["received", "ticket", "ignored", "failed"] as const;
export type InboundEmailStatus = (typeof inboundEmailStatuses)[number];
export const inboundEmailStatus = pgEnum("inbound_email_status", inboundEmailStatuses);

// Every mail that reached an email channel, whatever became of it: the raw copy is kept in
// storage before the sender is told "250 OK", so an accepted mail is never lost, and
// (channel, dedupe key) makes a second delivery of the same mail a no-op. The dedupe key
// is the Message-ID, or a hash of the raw bytes when a mail has none.
export const inboundEmails = pgTable(
  "inbound_emails",
  {
    id: uuid().primaryKey().defaultRandom(),
    channelId: uuid()
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    dedupeKey: text().notNull(),
    storageKey: text().notNull(),
    size: integer().notNull(),
    source: text().$type<"smtp" | "http" | "imap">().notNull(),
    envelopeFrom: text(),
    envelopeTo: text().array().notNull().default(sql`'{}'::text[]`),
    status: inboundEmailStatus().notNull().default("received"),
    // What the loop guard called it (person, bulk, auto-reply, bounce, junk, own).
    kind: text(),
    // Why it opened no ticket, or what the parser had to work around.
    reason: text(),
    ticketId: uuid().references(() => tickets.id, { onDelete: "set null" }),
    messageId: uuid().references(() => messages.id, { onDelete: "set null" }),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("inbound_emails_channel_dedupe_key").on(t.channelId, t.dedupeKey),
    // The start-up sweep finds mail accepted but not yet processed (a crash in between).
    index("inbound_emails_unprocessed_idx").on(t.receivedAt).where(sql`${t.status} = 'received'`),
  ],
);

export type InboundEmail = typeof inboundEmails.$inferSelect;

// The email side of a ticket: the people copied on it, who get every reply too.
export const emailThreads = pgTable("email_threads", {
  ticketId: uuid()
    .primaryKey()
    .references(() => tickets.id, { onDelete: "cascade" }),
  ccAddresses: text().array().notNull().default(sql`'{}'::text[]`),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// Files that came with a message (or went out with one); the bytes live in lib/storage.
export const attachments = pgTable(
  "attachments",
  {
    id: uuid().primaryKey().defaultRandom(),
    messageId: uuid()
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    filename: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    storageKey: text().notNull(),
    // Referenced from the message's HTML as cid:…
    contentId: text(),
    inline: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("attachments_message_idx").on(t.messageId)],
);

export type Attachment = typeof attachments.$inferSelect;
