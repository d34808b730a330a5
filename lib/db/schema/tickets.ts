import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  messageKinds,
  ticketPriorities,
  ticketStatuses,
  type MessageKind,
  type TicketStatus,
} from "../../tickets/ticket-constants";
import type { CallSummary } from "../../channels/phone/call-constants";
import { channelKind, channels } from "./channels";
import { customers } from "./customers";
import { teams } from "./teams";
import { apiKeys, users } from "./users";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export { messageKinds, ticketPriorities, ticketStatuses };
export type { MessageKind, TicketStatus };

export const ticketStatus = pgEnum("ticket_status", ticketStatuses);
export const ticketPriority = pgEnum("ticket_priority", ticketPriorities);

export const tickets = pgTable(
  "tickets",
  {
    id: uuid().primaryKey().defaultRandom(),
    // The number people say out loud ("ticket 1042").
    number: integer().generatedAlwaysAsIdentity({ startWith: 1001 }).notNull(),
    subject: text().notNull(),
    status: ticketStatus().notNull().default("open"),
    priority: ticketPriority().notNull().default("normal"),
    channel: channelKind().notNull(),
    // The inbox it came in through; null for a ticket made through the API on no channel.
    channelId: uuid().references(() => channels.id),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    assigneeId: uuid().references(() => users.id, { onDelete: "set null" }),
    teamId: uuid().references(() => teams.id, { onDelete: "set null" }),
    // Sorted, lower-case, without duplicates (lib/tickets/ticket-tags.ts).
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    // While status is "snoozed": when it opens again by itself (a ticket.wake job).
    snoozedUntil: timestamp({ withTimezone: true }),
    // Full-text search over the subject, the customer's name and email and every message
    // body, appended to as messages arrive (lib/tickets/append-message.ts). Positions are
    // stripped: matching needs none, and highlighting reads the text itself.
    searchVector: tsvector().notNull().default(sql`''::tsvector`),
    // Last per-ticket message sequence number handed out; bumped in the same transaction
    // that inserts the message, which also serialises concurrent writers on one ticket.
    lastMessageSeq: integer().notNull().default(0),
    lastMessageAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastMessagePreview: text().notNull().default(""),
    firstResponseAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    // The latest call on the ticket as the inbox row shows it (live: ringing, answered, missed),
    // kept on the ticket so that the inbox query needs no join; phone_calls holds the calls.
    call: jsonb().$type<CallSummary>(),
    // Set while a caller nobody talked to (missed call, voicemail) waits for a call back.
    callBackRequestedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Bumped by a trigger (drizzle/*_collaboration.sql) whenever a field people set changes
    // (status, priority, assignee, team, tags, snooze), however it changed: an update that
    // names the version it saw is refused when someone changed the ticket since.
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("tickets_number_key").on(t.number),
    // The "Call back" view: the few tickets waiting for one, in the inbox's order.
    index("tickets_call_back_inbox_idx")
      .on(t.lastMessageAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.callBackRequestedAt} is not null`),
    // NULLS FIRST matches a plain `order by ... desc`; drizzle's default for .desc() is
    // NULLS LAST, which PostgreSQL will not use for that order (bench:inbox showed a full
    // scan and sort of every ticket).
    index("tickets_inbox_idx").on(t.lastMessageAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("tickets_status_inbox_idx").on(t.status, t.lastMessageAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("tickets_assignee_inbox_idx").on(t.assigneeId, t.lastMessageAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // The sidebar's views are a status (usually open) and one more field, in inbox order.
    index("tickets_status_assignee_inbox_idx").on(
      t.status,
      t.assigneeId,
      t.lastMessageAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("tickets_status_team_inbox_idx").on(t.status, t.teamId, t.lastMessageAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("tickets_status_channel_inbox_idx").on(
      t.status,
      t.channel,
      t.lastMessageAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("tickets_tags_idx").using("gin", t.tags),
    index("tickets_search_idx").using("gin", t.searchVector),
    // A customer's tickets newest first: the customer page and the timeline.
    index("tickets_customer_timeline_idx").on(t.customerId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);

export type Ticket = typeof tickets.$inferSelect;

export const messageDirections = ["in", "out"] as const;
export const messageDirection = pgEnum("message_direction", messageDirections);

export const messageKind = pgEnum("message_kind", messageKinds);

// Where an outgoing reply is on its way to the customer, as its channel reports it; null
// for inbound messages and internal notes, which go nowhere.
export const deliveryStates = ["queued", "sending", "retrying", "sent", "delivered", "failed"] as const;
export type DeliveryState = (typeof deliveryStates)[number];
export const deliveryState = pgEnum("delivery_state", deliveryStates);

export const messages = pgTable(
  "messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    seq: integer().notNull(),
    direction: messageDirection().notNull(),
    kind: messageKind().notNull(),
    authorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    authorCustomerId: uuid().references(() => customers.id, { onDelete: "set null" }),
    bodyText: text().notNull(),
    // Sanitized on the server before it is stored; never raw sender HTML.
    bodyHtml: text(),
    // Provider id (email Message-ID, Twilio CallSid): makes inbound ingest idempotent.
    externalId: text(),
    // Chosen by the sending client so a retried send is stored once.
    clientMessageId: text(),
    deliveryState: deliveryState(),
    // The channel's last word on a failed or retried delivery, shown to staff.
    deliveryError: text(),
    deliveryUpdatedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("messages_ticket_seq_key").on(t.ticketId, t.seq),
    // The timeline reads a customer's messages newest first across their tickets.
    index("messages_ticket_timeline_idx").on(t.ticketId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    uniqueIndex("messages_ticket_client_id_key")
      .on(t.ticketId, t.clientMessageId)
      .where(sql`${t.clientMessageId} is not null`),
    index("messages_external_id_idx").on(t.externalId).where(sql`${t.externalId} is not null`),
  ],
);

export type Message = typeof messages.$inferSelect;

// Audit log of everything that happened to a ticket, by whom.
export const ticketEvents = pgTable(
  "ticket_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    type: text().notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    actorApiKeyId: uuid().references(() => apiKeys.id, { onDelete: "set null" }),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("ticket_events_ticket_idx").on(t.ticketId, t.createdAt)],
);

// Every outgoing email and where it is: the queue's record (one pg-boss job sends each,
// lib/channels/email/send-email-job.ts) and the audit trail admins see in Settings → Outbox.
// A reply's state is mirrored on its message (messages.delivery_state); an automatic
// acknowledgement has no message.
export const outboundEmails = pgTable(
  "outbound_emails",
  {
    id: uuid().primaryKey().defaultRandom(),
    messageId: uuid().references(() => messages.id, { onDelete: "cascade" }),
    ticketId: uuid().references(() => tickets.id, { onDelete: "cascade" }),
    channelId: uuid().references(() => channels.id, { onDelete: "set null" }),
    state: deliveryState().notNull().default("queued"),
    fromAddress: text(),
    toAddress: text().notNull(),
    ccAddresses: text().array().notNull().default(sql`'{}'::text[]`),
    replyTo: text(),
    subject: text().notNull(),
    bodyText: text().notNull(),
    // Threading headers, so the customer's mail client files the reply with the thread.
    rfcMessageId: text(),
    inReplyTo: text(),
    references: text().array().notNull().default(sql`'{}'::text[]`),
    // RFC 3834: set only on mail a person did not write (auto-acknowledgements).
    autoSubmitted: boolean().notNull().default(false),
    attempts: integer().notNull().default(0),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("outbound_emails_message_key").on(t.messageId),
    // Settings lists the newest mail first; the table keeps every mail ever sent.
    index("outbound_emails_recent_idx").on(t.createdAt.desc(), t.id.desc()),
    // At most one automatic acknowledgement per customer address a day.
    index("outbound_emails_auto_idx").on(t.toAddress, t.createdAt).where(sql`${t.autoSubmitted}`),
  ],
);

export type OutboundEmail = typeof outboundEmails.$inferSelect;
