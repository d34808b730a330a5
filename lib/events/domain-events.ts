import type { MessageView, TicketSummary } from "@/lib/tickets/ticket-views";

export type DomainEvent =
  | { type: "ticket.created"; ticket: TicketSummary }
  | { type: "ticket.updated"; ticket: TicketSummary; changes: string[] }
  | { type: "message.created"; ticket: TicketSummary; message: MessageView }
  | { type: "user.deactivated"; userId: string };

export type DomainEventType = DomainEvent["type"];
