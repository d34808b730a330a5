import type { MessageView, TicketSummary } from "@/lib/tickets/ticket-views";

/** What the server emits to signed-in staff on the /agents namespace. */
export type AgentServerEvents = {
  "ticket:changed": (ticket: TicketSummary) => void;
  "message:created": (message: MessageView) => void;
  "message:updated": (message: MessageView) => void;
};
