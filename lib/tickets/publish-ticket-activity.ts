import { db } from "@/lib/db/client";
import { publish } from "@/lib/events/event-bus";
import { findTicketActivity } from "./ticket-activity-queries";

/**
 * After the transaction that wrote these ticket_events commits: tells the pages watching
 * each ticket, so the change appears as a line in the conversation at once.
 */
export async function publishTicketActivity(eventIds: string[]): Promise<void> {
  const activity = await findTicketActivity(db(), eventIds);
  const byTicket = new Map<string, typeof activity>();
  for (const event of activity) byTicket.set(event.ticketId, [...(byTicket.get(event.ticketId) ?? []), event]);
  publish(...[...byTicket].map(([ticketId, events]) => ({ type: "ticket.activity" as const, ticketId, activity: events })));
}
