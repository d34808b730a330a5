import type { CallSummary } from "@/lib/channels/phone/call-constants";
import type { ChannelKind, DeliveryState, MessageKind, TicketStatus } from "@/lib/db/schema";
import type { TicketPriority } from "./ticket-constants";

// The shapes the UI, the API and realtime events all show. Dates are ISO strings so
// that the same object crosses JSON, socket.io and server-component boundaries unchanged.

export type PersonRef = { id: string; name: string | null; email: string | null };

export type TicketSummary = {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  channel: ChannelKind;
  /** The inbox it came in through; null for tickets made through the API without one. */
  channelId: string | null;
  tags: string[];
  customer: PersonRef;
  assignee: PersonRef | null;
  team: { id: string; name: string } | null;
  /** While snoozed: when it opens again by itself. */
  snoozedUntil: string | null;
  lastMessageAt: string;
  lastMessagePreview: string;
  lastMessageSeq: number;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  /** The latest call on a phone ticket: ringing, on the line, or how it ended. */
  call: CallSummary | null;
  /** Since when a caller nobody talked to waits for a call back; null when nobody does. */
  callBackRequestedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Goes up with every change to status, priority, assignee, team, tags or snooze: send it back to update safely. */
  version: number;
  /** In search results only: where the ticket matched, matches between U+E000 and U+E001. */
  match?: TicketMatch | null;
};

export type TicketMatch = { subject: string | null; excerpt: string | null };

export type MessageView = {
  id: string;
  ticketId: string;
  seq: number;
  direction: "in" | "out";
  kind: MessageKind;
  /** True for internal notes: never shown or sent to the customer. */
  internal: boolean;
  author: ({ type: "user" | "customer" } & PersonRef) | null;
  bodyText: string;
  bodyHtml: string | null;
  /** The id the sending client chose for it (a retried send finds it stored); null when none was given. */
  clientMessageId: string | null;
  /** Where an outgoing reply is on its way to the customer; null for inbound messages and notes. */
  deliveryState: DeliveryState | null;
  deliveryError: string | null;
  attachments: AttachmentView[];
  createdAt: string;
};

/**
 * One change to a ticket that the conversation shows as a line between messages ("Ana
 * resolved this"), from ticket_events. `data` is the event's own record; `people` names
 * the teammates whose ids appear in it, so a line can say who, even after they left.
 */
export type TicketActivityView = {
  id: string;
  ticketId: string;
  type: string;
  /** Null when Touchbase itself made the change (e.g. reopened because the customer wrote). */
  actor: { type: "user" | "api_key"; id: string; name: string } | null;
  data: Record<string, unknown>;
  people: Record<string, string>;
  createdAt: string;
};

export type AttachmentView = { id: string; filename: string; contentType: string; size: number; inline: boolean; contentId: string | null };

export type TicketWithMessages = TicketSummary & { messages: MessageView[] };
