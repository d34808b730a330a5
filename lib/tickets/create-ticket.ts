import type { Actor } from "@/lib/auth/actor";
import { actorColumns } from "@/lib/auth/actor";
import { canWorkTickets } from "@/lib/auth/permissions";
import { findOrCreateCustomerByEmail } from "@/lib/customers/find-or-create-customer";
import { db } from "@/lib/db/client";
import { ticketEvents, tickets } from "@/lib/db/schema";
import { forbidden } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import { appendMessage } from "./append-message";
import type { CreateTicketInput } from "./ticket.validation";
import { findMessageView, findTicketSummary } from "./ticket-queries";
import type { TicketWithMessages } from "./ticket-views";

/**
 * Opens a ticket on behalf of a customer (found or created by email) with the
 * customer's first message.
 */
export async function createTicket(actor: Actor, input: CreateTicketInput): Promise<TicketWithMessages> {
  if (!canWorkTickets(actor)) throw forbidden();

  const { ticket, message } = await db().transaction(async (tx) => {
    const customer = await findOrCreateCustomerByEmail(tx, input.customer);
    const [created] = await tx
      .insert(tickets)
      .values({ subject: input.subject, channel: input.channel, customerId: customer.id })
      .returning();
    const appended = await appendMessage(tx, created!.id, {
      direction: "in",
      kind: "reply",
      bodyText: input.message.body,
      authorCustomerId: customer.id,
    });
    await tx.insert(ticketEvents).values({
      ticketId: created!.id,
      type: "ticket.created",
      ...actorColumns(actor),
      data: { channel: input.channel },
    });
    return appended;
  });

  const summary = (await findTicketSummary(db(), ticket.id))!;
  const messageView = (await findMessageView(db(), message.id))!;
  publish(
    { type: "ticket.created", ticket: summary },
    { type: "message.created", ticket: summary, message: messageView },
  );
  return { ...summary, messages: [messageView] };
}
