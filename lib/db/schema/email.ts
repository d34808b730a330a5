import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
  // The channel address (main or alias) the customer last wrote to: replies go out from it.
  supportAddress: text(),
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

export const imapConnectionStates = ["connecting", "idle", "syncing", "error", "stopped"] as const;
export type ImapConnectionState = (typeof imapConnectionStates)[number];

// Where an email channel's IMAP fetch stands: the mailbox's UIDVALIDITY and the highest UID
// taken in, so a restart or a day offline resumes after it and never takes a mail twice
// (and a new UIDVALIDITY starts over, the inbound (channel, Message-ID) key catching what
// was taken before); and its health, shown in Settings. The lease keeps one app node on a
// mailbox at a time.
export const imapMailboxStates = pgTable("imap_mailbox_states", {
  channelId: uuid()
    .primaryKey()
    .references(() => channels.id, { onDelete: "cascade" }),
  // UIDVALIDITY is an unsigned 32-bit number and UIDs too: bigint holds them whole.
  uidValidity: bigint({ mode: "number" }),
  lastUid: bigint({ mode: "number" }).notNull().default(0),
  state: text().$type<ImapConnectionState>().notNull().default("connecting"),
  lastFetchAt: timestamp({ withTimezone: true }),
  lastError: text(),
  lastErrorAt: timestamp({ withTimezone: true }),
  imported: integer().notNull().default(0),
  leaseHolder: text(),
  leaseUntil: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type ImapMailboxState = typeof imapMailboxStates.$inferSelect;

// Every address an email channel answers to — its main address and its aliases — once
// across all channels, so mail for an address reaches exactly one inbox. Kept in step
// with the channel's settings in the same transaction.
export const emailChannelAddresses = pgTable(
  "email_channel_addresses",
  {
    address: text().primaryKey(),
    channelId: uuid()
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_channel_addresses_channel_idx").on(t.channelId)],
);
