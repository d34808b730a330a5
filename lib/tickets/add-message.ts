import { and, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { actorColumns } from "@/lib/auth/actor";
import { canWorkTickets } from "@/lib/auth/permissions";
import { deliverToCustomer } from "@/lib/channels/registry";
import { WaitingLine } from "@/lib/db/bounded-wait";
import { db } from "@/lib/db/client";
import { busyOnLockTimeout, limitLockWait } from "@/lib/db/lock-timeout";
import { attachments, customers, messages, ticketEvents, tickets } from "@/lib/db/schema";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import { notifyPeople } from "@/lib/notifications/notify-people";
import { publishNotifications } from "@/lib/notifications/publish-notifications";
import { appendMessage } from "./append-message";
import type { StoredReplyFile } from "./store-reply-files";
import { recordMentions } from "./record-mentions";
import type { AddMessageInput } from "./ticket.validation";
import { findMessageWithTicket } from "./ticket-queries";
import type { MessageView } from "./ticket-views";

/**
 * A staff member (or an integration) answers the customer or leaves an internal note.
 * A reply is handed to the ticket's channel in the same transaction; a note never is.
 * Retrying with the same clientMessageId returns the stored message instead of a copy;
 * the same id with another kind or body is refused, never answered with the first message.
 */
const busyTicket = "This ticket is receiving too many messages at once; retry in a moment";

// Writers to one ticket take turns on its row lock anyway: waiting for the turn here, before
// taking a database connection, leaves the pool to everyone else during a pile-up.
const ticketWriters = WaitingLine.shared("ticket writers", { concurrency: 1, maxWaitMs: 10_000, busyMessage: busyTicket });

export async function addMessage(
  actor: Actor,
  ticketId: string,
  input: AddMessageInput,
  /** Files for an email reply, already in storage (store-reply-files.ts). */
  files: StoredReplyFile[] = [],
): Promise<MessageView> {
  if (!canWorkTickets(actor)) throw forbidden();
  if (input.kind === "reply" && input.mentions?.length) {
    throw new AppError("validation_failed", "Only internal notes can mention teammates", [
      { path: "mentions", message: "Switch to an internal note to mention someone" },
    ]);
  }

  const result = await ticketWriters
    .run(ticketId, () => storeMessage(actor, ticketId, input, files))
    .catch(busyOnLockTimeout(busyTicket));

  const { ticket, message } = (await findMessageWithTicket(db(), result.messageId))!;
  if (result.created) {
    publish({ type: "message.created", ticket, message });
    await publishNotifications(result.notificationIds);
  }
  return message;
}

/** The message's one transaction; `created` is false when a retry found it stored. */
function storeMessage(actor: Actor, ticketId: string, input: AddMessageInput, files: StoredReplyFile[]) {
  return db().transaction(async (tx) => {
    // Sent together (postgres.js pipelines them on the transaction's connection) and run
    // in this order: the look for a stored copy runs once the ticket's row lock is held.
    const [, [current], [existing]] = await Promise.all([
      limitLockWait(tx, 5_000),
      tx
        .select({ ticket: tickets, customer: customers })
        .from(tickets)
        .innerJoin(customers, eq(customers.id, tickets.customerId))
        .where(eq(tickets.id, ticketId))
        .for("update", { of: tickets }),
      input.clientMessageId
        ? tx
            .select({ id: messages.id, kind: messages.kind, bodyText: messages.bodyText })
            .from(messages)
            .where(and(eq(messages.ticketId, ticketId), eq(messages.clientMessageId, input.clientMessageId)))
        : [],
    ]);
    if (!current) throw notFound("Ticket");

    if (existing && (existing.kind !== input.kind || existing.bodyText !== input.body)) {
      throw new AppError(
        "client_message_id_reused",
        "This clientMessageId was already used for a different message on this ticket; send a new id for a new message",
      );
    }
    if (existing) return { messageId: existing.id, created: false, notificationIds: [] };

    const byEmail = input.kind === "reply" && (input.via ?? current.ticket.channel) === "email";
    if (files.length > 0 && !byEmail) {
      const refusal = "Files can be sent only with a reply that goes out by email";
      throw new AppError("validation_failed", refusal, [{ path: "files", message: refusal }]);
    }

    const { ticket, message } = await appendMessage(tx, ticketId, {
      direction: "out",
      kind: input.kind,
      bodyText: input.body,
      authorUserId: actor.type === "user" ? actor.id : null,
      clientMessageId: input.clientMessageId ?? null,
    });
    // Recorded before the channel hands the reply on, so the outgoing mail carries them.
    if (files.length > 0) await tx.insert(attachments).values(files.map((file) => ({ ...file, messageId: message.id })));
    await Promise.all([
      input.kind === "reply" && deliverToCustomer(tx, { ticket, customer: current.customer, message }, input.via),
      tx.insert(ticketEvents).values({
        ticketId,
        type: input.kind === "note" ? "note.added" : "reply.sent",
        ...actorColumns(actor),
        data: { messageId: message.id },
      }),
    ]);
    let notificationIds: string[] = [];
    if (input.kind === "note" && input.mentions?.length) {
      const mentioned = await recordMentions(tx, { ticketId, messageId: message.id, userIds: input.mentions });
      notificationIds = await notifyPeople(
        tx,
        actor,
        mentioned.map((userId) => ({ userId, kind: "mention", ticketId, messageId: message.id, excerpt: input.body })),
      );
    }
    return { messageId: message.id, created: true, notificationIds };
  });
}
