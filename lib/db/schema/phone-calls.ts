import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { callDirections, callStatuses } from "../../channels/phone/call-constants";
import { channels } from "./channels";
import { customers } from "./customers";
import { tickets } from "./tickets";
import { users } from "./users";

export const callStatus = pgEnum("call_status", callStatuses);
export const callDirection = pgEnum("call_direction", callDirections);

// Every phone call Touchbase knows of: one Twilio reported (call_sid set) or one an agent
// logged by hand. The ticket's messages tell the story; this row holds the call's state.
export const phoneCalls = pgTable(
  "phone_calls",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Twilio's CallSid; unique, so a retried or concurrent first webhook finds the same call.
    callSid: text(),
    channelId: uuid().references(() => channels.id),
    // Set in the transaction that creates the call; null only inside it.
    ticketId: uuid().references(() => tickets.id, { onDelete: "cascade" }),
    customerId: uuid().references(() => customers.id, { onDelete: "set null" }),
    direction: callDirection().notNull(),
    fromNumber: text().notNull(),
    toNumber: text().notNull(),
    status: callStatus().notNull(),
    durationSeconds: integer(),
    // An agent picked up (the dial was answered), and the caller left a recording.
    answered: boolean().notNull().default(false),
    voicemail: boolean().notNull().default(false),
    notes: text(),
    loggedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("phone_calls_call_sid_key").on(t.callSid).where(sql`${t.callSid} is not null`),
    index("phone_calls_ticket_idx").on(t.ticketId, t.createdAt),
  ],
);

export type PhoneCall = typeof phoneCalls.$inferSelect;

// The webhook events already applied to a call. The unique key is the idempotency gate:
// Twilio retries, and an event whose key is already here changes nothing.
export const phoneCallEvents = pgTable(
  "phone_call_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    callId: uuid()
      .notNull()
      .references(() => phoneCalls.id, { onDelete: "cascade" }),
    key: text().notNull(),
    params: jsonb().$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("phone_call_events_call_key_key").on(t.callId, t.key)],
);
