"use server";

import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { canReadCustomers } from "@/lib/auth/permissions";
import { userActor } from "@/lib/auth/users";
import { mergeCustomers } from "@/lib/customers/merge-customers";
import { unmergeCustomers } from "@/lib/customers/unmerge-customers";
import { logCall } from "@/lib/channels/phone/log-call";
import { logCallInput } from "@/lib/channels/phone/log-call.validation";
import { startCallInput } from "@/lib/channels/phone/start-call.validation";
import { startOutboundCall } from "@/lib/channels/phone/start-outbound-call";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { timelineFamilies } from "@/lib/timeline/timeline-constants";
import { readCustomerTimeline } from "@/lib/timeline/timeline-queries";
import { runAction } from "../../run-action";

const timelineRequest = z.object({
  customerId: z.uuid("Unknown customer"),
  family: z.enum(timelineFamilies).nullable(),
  cursor: z.string().max(500).nullable(),
});

/** A page of a customer's timeline, for "Load more" and for the family filter. */
export async function loadTimeline(customerId: unknown, family: unknown, cursor: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    if (!canReadCustomers(userActor(user))) throw forbidden();
    const input = timelineRequest.parse({ customerId, family, cursor });
    return readCustomerTimeline(db(), input.customerId, {
      family: input.family ?? undefined,
      cursor: input.cursor ?? undefined,
    });
  });
}

const mergeRequest = z.object({ survivorId: z.uuid("Unknown customer"), mergedId: z.uuid("Unknown customer") });

/** Merges one customer into another by hand; the person chose which one stays. */
export async function mergeCustomersByHand(survivorId: unknown, mergedId: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    const input = mergeRequest.parse({ survivorId, mergedId });
    return mergeCustomers(userActor(user), input);
  });
}

/** Undoes a merge: the merged customer comes back with what was theirs. */
export async function undoCustomerMerge(mergeId: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    return unmergeCustomers(userActor(user), z.uuid("Unknown merge").parse(mergeId));
  });
}

/** A call with this customer logged by hand, as a new phone ticket. */
export async function logCallWithCustomer(rawCustomerId: unknown, raw: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    const customerId = z.uuid("Unknown customer").parse(rawCustomerId);
    const logged = await logCall(userActor(user), { customerId }, logCallInput.parse(raw));
    return { ticketId: logged.ticket.id };
  });
}

/** Click-to-call a customer: a new phone ticket, and the agent's phone rings first. */
export async function startCallWithCustomer(rawCustomerId: unknown, raw: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    const customerId = z.uuid("Unknown customer").parse(rawCustomerId);
    const started = await startOutboundCall(userActor(user), { customerId }, startCallInput.parse(raw));
    return { ticketId: started.ticket.id };
  });
}
