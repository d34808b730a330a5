import type { ImapHealth } from "@/lib/channels/email/imap-mailbox-state";
import type { TimelineItem } from "@/lib/timeline/timeline-queries";
import type { NotificationView } from "@/lib/notifications/notification-views";
import type { MessageView, TicketActivityView, TicketSummary } from "@/lib/tickets/ticket-views";

export type DomainEvent =
  | { type: "ticket.created"; ticket: TicketSummary }
  | { type: "ticket.updated"; ticket: TicketSummary; changes: string[] }
  // Many tickets changed at once (a bulk action, snoozes waking together): lists reload.
  | { type: "tickets.bulk_updated"; ticketIds: string[]; changes: string[] }
  | { type: "message.created"; ticket: TicketSummary; message: MessageView }
  // A stored message changed, e.g. its delivery state as its channel reports it.
  | { type: "message.updated"; ticket: TicketSummary; message: MessageView }
  // Changes the conversation shows as lines between messages (status, assignee…), oldest first.
  | { type: "ticket.activity"; ticketId: string; activity: TicketActivityView[] }
  | { type: "user.deactivated"; userId: string }
  // For one person only: a colleague mentioned them or gave them a ticket; their unread count.
  | { type: "notification.created"; userId: string; notification: NotificationView; unread: number }
  | { type: "notifications.read"; userId: string; unread: number }
  // New entries on a customer's timeline, newest last; one event per customer per call.
  | { type: "touchpoint.created"; customerId: string; items: TimelineItem[] }
  // Two customers became one (or were split again): open pages of either should reload.
  | { type: "customer.merged"; survivorId: string; mergedId: string }
  | { type: "customer.unmerged"; survivorId: string; mergedId: string }
  // A read receipt in a chat: the visitor or the team has read up to `seq`.
  | { type: "chat.read"; ticketId: string; customerId: string; channelId: string; reader: "visitor" | "agent"; seq: number }
  // The visitor of these open chats is now on this page of the website.
  | { type: "chat.page"; ticketIds: string[]; page: { url: string; title: string } }
  // A channel was created or its settings changed: whatever runs per channel (IMAP fetch) looks again.
  | { type: "channel.changed"; channelId: string }
  // An IMAP-fetching channel's connection changed state, fetched, or failed.
  | { type: "channel.health"; channelId: string; health: ImapHealth }
  // Signed out: that session's sockets close.
  | { type: "session.ended"; sessionId: string }
  // A password change: the person's sockets close, but those of the session that made the change.
  | { type: "user.sessions_ended"; userId: string; exceptSessionId: string | null };

export type DomainEventType = DomainEvent["type"];
