import type { TimelineItem } from "@/lib/timeline/timeline-queries";
import type { MessageView, TicketSummary } from "@/lib/tickets/ticket-views";

/** What the server emits to signed-in staff on the /agents namespace. */
export type AgentServerEvents = {
  "ticket:changed": (ticket: TicketSummary) => void;
  "message:created": (message: MessageView) => void;
  "message:updated": (message: MessageView) => void;
  /** To sockets following the customer (customer:watch): new entries, newest last. */
  "timeline:created": (created: { customerId: string; items: TimelineItem[] }) => void;
  "customer:changed": (changed: { customerIds: string[]; change: "customer.merged" | "customer.unmerged" }) => void;
};
