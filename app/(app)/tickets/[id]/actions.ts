"use server";

import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import type { TicketSummary } from "@/lib/tickets/ticket-views";
import { userActor } from "@/lib/auth/users";
import { logCall } from "@/lib/channels/phone/log-call";
import { logCallInput } from "@/lib/channels/phone/log-call.validation";
import { startCallInput } from "@/lib/channels/phone/start-call.validation";
import { startOutboundCall } from "@/lib/channels/phone/start-outbound-call";
import { addMessage } from "@/lib/tickets/add-message";
import { storeReplyFiles } from "@/lib/tickets/store-reply-files";
import { assignTicket } from "@/lib/tickets/assign-ticket";
import { changeTicketStatus } from "@/lib/tickets/change-ticket-status";
import { addMessageInput, ticketStatusInput } from "@/lib/tickets/ticket.validation";
import { ticketChangeInput } from "@/lib/tickets/ticket-change.validation";
import { updateTicket } from "@/lib/tickets/update-ticket";
import { runAction } from "../../run-action";

const ticketId = z.uuid("Unknown ticket");
const assigneeId = z.uuid("Unknown teammate").nullable();

const replyFiles = z.array(z.instanceof(File, { message: "must be a file" }));

/** `files`: a FormData whose `files` entries are the files an email reply carries. */
export async function sendMessage(rawTicketId: unknown, raw: unknown, files?: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    const id = ticketId.parse(rawTicketId);
    const input = addMessageInput.parse(raw);
    const attached = files instanceof FormData ? await storeReplyFiles(replyFiles.parse(files.getAll("files"))) : [];
    return addMessage(userActor(user), id, input, attached);
  });
}

export async function updateStatus(rawTicketId: unknown, rawStatus: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    return changeTicketStatus(userActor(user), ticketId.parse(rawTicketId), ticketStatusInput.parse(rawStatus));
  });
}

export async function updateAssignee(rawTicketId: unknown, rawAssigneeId: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    return assignTicket(userActor(user), ticketId.parse(rawTicketId), assigneeId.parse(rawAssigneeId));
  });
}

/**
 * Any change to the ticket's fields (status with a snooze time, priority, team, tags…), all
 * or nothing, made against the version the page shows. When a colleague changed the ticket
 * since, the answer is the ticket as it is now and why nothing was saved.
 */
export async function changeTicket(rawTicketId: unknown, raw: unknown) {
  return runAction(async (): Promise<{ ticket: TicketSummary; conflict: string | null }> => {
    const user = await requireUser();
    try {
      return { ticket: await updateTicket(userActor(user), ticketId.parse(rawTicketId), ticketChangeInput.parse(raw)), conflict: null };
    } catch (error) {
      if (error instanceof AppError && error.code === "ticket_changed") {
        return { ticket: (error.details as { ticket: TicketSummary }).ticket, conflict: error.message };
      }
      throw error;
    }
  });
}

export async function logCallOnTicket(rawTicketId: unknown, raw: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    const logged = await logCall(userActor(user), { ticketId: ticketId.parse(rawTicketId) }, logCallInput.parse(raw));
    return { ticketId: logged.ticket.id };
  });
}

/** Click-to-call through the ticket's phone channel (or the one chosen): the agent's phone rings first. */
export async function startCallOnTicket(rawTicketId: unknown, raw: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    const started = await startOutboundCall(userActor(user), { ticketId: ticketId.parse(rawTicketId) }, startCallInput.parse(raw));
    return { ticketId: started.ticket.id };
  });
}
