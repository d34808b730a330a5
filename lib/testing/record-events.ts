import type { DomainEvent } from "@/lib/events/domain-events";
import { subscribe } from "@/lib/events/event-bus";

/**
 * Records the domain events published from now on that `match` accepts: other tests in
 * the process publish too, so a test matches on its own ticket (id, or a unique subject
 * when the id is not known before the event).
 */
export function recordEvents(match: (event: DomainEvent) => boolean) {
  const events: DomainEvent[] = [];
  const stop = subscribe((event) => {
    if (match(event)) events.push(event);
  });
  return {
    events,
    stop,
    /** Lets listeners queued by publish() run. */
    settle: () => new Promise<void>((resolve) => setTimeout(resolve, 20)),
  };
}

export const forTicket = (ticketId: string) => (event: DomainEvent) =>
  "ticket" in event && event.ticket.id === ticketId;

export const forSubject = (subject: string) => (event: DomainEvent) =>
  "ticket" in event && event.ticket.subject === subject;

export const forCustomers = (...customerIds: string[]) => (event: DomainEvent) =>
  ("customerId" in event && customerIds.includes(event.customerId)) ||
  ("survivorId" in event && (customerIds.includes(event.survivorId) || customerIds.includes(event.mergedId)));
