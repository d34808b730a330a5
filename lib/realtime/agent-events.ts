import type { ImapHealth } from "@/lib/channels/email/imap-mailbox-state";
import type { TimelineItem } from "@/lib/timeline/timeline-queries";
import type { NotificationView } from "@/lib/notifications/notification-views";
import type { MessageView, TicketActivityView, TicketSummary } from "@/lib/tickets/ticket-views";

/** What the server emits to signed-in staff on the /agents namespace. */
export type AgentServerEvents = {
  "ticket:changed": (ticket: TicketSummary) => void;
  /** Many tickets changed at once (a bulk action): lists and counts reload. */
  "tickets:changed": (changed: { count: number; changes: string[] }) => void;
  "message:created": (message: MessageView) => void;
  "message:updated": (message: MessageView) => void;
  /** To pages watching the ticket: status, assignee and other changes, as conversation lines. */
  "ticket:activity": (activity: TicketActivityView[]) => void;
  /** To sockets following the customer (customer:watch): new entries, newest last. */
  "timeline:created": (created: { customerId: string; items: TimelineItem[] }) => void;
  "customer:changed": (changed: { customerIds: string[]; change: "customer.merged" | "customer.unmerged" }) => void;
  /** A chat's visitor started or stopped typing (only to pages watching the ticket). */
  "visitor:typing": (event: { ticketId: string; typing: boolean }) => void;
  /** A chat's visitor moved to another page of the website. */
  "chat:page": (event: { ticketId: string; page: { url: string; title: string } }) => void;
  /** A read receipt: the visitor (or the team) has read the chat up to `seq`. */
  "chat:read": (event: { ticketId: string; reader: "visitor" | "agent"; seq: number }) => void;
  /** To pages watching a ticket: everyone who has it open now (the page itself included). */
  "ticket:presence": (event: { ticketId: string; viewers: { id: string; name: string }[] }) => void;
  /** To the other pages watching a ticket: a colleague started or stopped writing a reply. */
  "ticket:composing": (event: { ticketId: string; user: { id: string; name: string }; typing: boolean }) => void;
  /** To one person's pages: a new entry under their bell, and how many are unread. */
  "notification:created": (event: { notification: NotificationView; unread: number }) => void;
  /** To one person's pages: they read notifications (perhaps in another tab). */
  "notifications:read": (event: { unread: number }) => void;
  /** To admins: an IMAP-fetching channel's health changed. */
  "channel:health": (event: { channelId: string; health: ImapHealth }) => void;
};

/** The handshake's refusal for someone who must replace a temporary password before anything else. */
export const passwordChangeRequiredError = "password_change_required";
