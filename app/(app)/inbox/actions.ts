"use server";

import { z } from "zod";
import { inboxFilter, inboxPageSize, ticketQueryFilter } from "@/components/inbox/inbox-filter";
import { requireUser } from "@/lib/auth/current-user";
import { userActor } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { createSavedViewInput } from "@/lib/saved-views/saved-view.validation";
import { createSavedView, deleteSavedView } from "@/lib/saved-views/saved-views";
import { bulkUpdateTickets, maxBulkTickets } from "@/lib/tickets/bulk-update-tickets";
import { loadInboxSidebarData } from "@/lib/tickets/inbox-sidebar";
import { ticketChangeInput } from "@/lib/tickets/ticket-change.validation";
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

/** The views' counts and the saved views, for the live sidebar. */
export async function loadInboxSidebar() {
  return runAction(async () => {
    const user = await requireUser();
    return loadInboxSidebarData(db(), user.id);
  });
}

export async function createSavedViewAction(raw: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    return createSavedView(userActor(user), createSavedViewInput.parse(raw));
  });
}

export async function deleteSavedViewAction(rawId: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    await deleteSavedView(userActor(user), z.uuid("Unknown view").parse(rawId));
    return null;
  });
}

const bulkInput = z.object({
  selection: z.union([
    z.object({ ticketIds: z.array(z.uuid()).min(1).max(maxBulkTickets) }),
    z.object({ filter: inboxFilter }),
  ]),
  change: ticketChangeInput,
});

/** A change to the selected tickets, or to every ticket the view matches: all or nothing. */
export async function bulkUpdateAction(raw: unknown) {
  return runAction(async () => {
    const user = await requireUser();
    const { selection, change } = bulkInput.parse(raw);
    if ("ticketIds" in selection) return bulkUpdateTickets(userActor(user), selection, change);
    const { sort: _sort, ...filter } = ticketQueryFilter(selection.filter, user.id);
    return bulkUpdateTickets(userActor(user), { filter }, change);
  });
}
