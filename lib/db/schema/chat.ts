import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { customers } from "./customers";
import { messages, tickets } from "./tickets";

// What a chat ticket needs beyond a ticket: how far each side has read, where the visitor
// is on the website, and the email to answer by when nobody was there to chat.
export const chatConversations = pgTable(
  "chat_conversations",
  {
    ticketId: uuid()
      .primaryKey()
      .references(() => tickets.id, { onDelete: "cascade" }),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    // The client id of the message that opened it: a retried "start" opens one conversation.
    startClientMessageId: text().notNull(),
    visitorReadSeq: integer().notNull().default(0),
    agentReadSeq: integer().notNull().default(0),
    notifyEmail: text(),
    pageUrl: text(),
    pageTitle: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("chat_conversations_start_key").on(t.customerId, t.startClientMessageId)],
);

export type ChatConversation = typeof chatConversations.$inferSelect;

// Files a visitor sent: the bytes live in lib/storage, the row says whose they are.
export const chatUploads = pgTable(
  "chat_uploads",
  {
  id: uuid().primaryKey().defaultRandom(),
  channelId: uuid()
    .notNull()
    .references(() => channels.id, { onDelete: "cascade" }),
  customerId: uuid()
    .notNull()
    .references(() => customers.id, { onDelete: "cascade" }),
  // Set once the file is sent in a message; until then only its uploader may attach it.
  messageId: uuid().references(() => messages.id, { onDelete: "cascade" }),
  storageKey: text().notNull(),
  fileName: text().notNull(),
  contentType: text().notNull(),
  size: integer().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("chat_uploads_message_idx").on(t.messageId)],
);

export type ChatUpload = typeof chatUploads.$inferSelect;
