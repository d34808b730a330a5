import { eq } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { ticketEvents, tickets, type Ticket, type TicketStatus } from "@/lib/db/schema";

/**
 * The customer wrote again on a pending, snoozed or resolved ticket: it needs someone's attention
 * again. Inside the transaction that stores their message; the status change is recorded
 * (by nobody: Touchbase did it) so the conversation can say why the ticket is open.
 */
export async function reopenForCustomer(tx: Transaction, ticketId: string, from: TicketStatus): Promise<{ ticket: Ticket; eventId: string }> {
  const [reopened] = await tx.update(tickets).set({ status: "open", resolvedAt: null, snoozedUntil: null }).where(eq(tickets.id, ticketId)).returning();
  const [event] = await tx
    .insert(ticketEvents)
    .values({ ticketId, type: "status.changed", data: { from, to: "open", reason: "customer_wrote" } })
    .returning({ id: ticketEvents.id });
  return { ticket: reopened!, eventId: event!.id };
}
