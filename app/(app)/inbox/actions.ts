"use server";

import { z } from "zod";
import { inboxFilter, inboxPageSize, ticketQueryFilter } from "@/components/inbox/inbox-filter";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { listTicketSummaries } from "@/lib/tickets/ticket-queries";
import { runAction } from "../run-action";

const loadTicketsInput = z.object({
  filter: inboxFilter,
  cursor: z.object({ lastMessageAt: z.iso.datetime(), id: z.uuid() }).nullable(),
});

/** A page of the inbox: the next one after `cursor`, or the first one when it is null. */
export async function loadTickets(raw: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    const { filter, cursor } = loadTicketsInput.parse(raw);
    return listTicketSummaries(db(), {
      ...ticketQueryFilter(filter, user.id),
      cursor: cursor ?? undefined,
      limit: inboxPageSize,
    });
  });
}
