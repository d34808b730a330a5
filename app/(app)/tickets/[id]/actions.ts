"use server";

import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { userActor } from "@/lib/auth/users";
import { addMessage } from "@/lib/tickets/add-message";
import { assignTicket } from "@/lib/tickets/assign-ticket";
import { changeTicketStatus } from "@/lib/tickets/change-ticket-status";
import { addMessageInput, ticketStatusInput } from "@/lib/tickets/ticket.validation";
import { ticketChangeInput } from "@/lib/tickets/ticket-change.validation";
import { updateTicket } from "@/lib/tickets/update-ticket";
import { runAction } from "../../run-action";

const ticketId = z.uuid("Unknown ticket");
const assigneeId = z.uuid("Unknown teammate").nullable();

export async function sendMessage(rawTicketId: unknown, raw: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    return addMessage(userActor(user), ticketId.parse(rawTicketId), addMessageInput.parse(raw));
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

/** Any change to the ticket's fields (status with a snooze time, priority, team, tags…), all or nothing. */
export async function changeTicket(rawTicketId: unknown, raw: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    return updateTicket(userActor(user), ticketId.parse(rawTicketId), ticketChangeInput.parse(raw));
  });
}
