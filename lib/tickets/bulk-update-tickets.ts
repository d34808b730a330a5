import { and } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { canWorkTickets } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { tickets } from "@/lib/db/schema";
import { AppError, forbidden } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import { changeTickets } from "./change-tickets";
import { publishTicketActivity } from "./publish-ticket-activity";
import type { TicketChangeInput } from "./ticket-change.validation";
import { findTicketSummary, ticketConditions, type TicketListFilter } from "./ticket-queries";
import { liveEventLimit } from "./wake-snoozed-tickets";

export const maxBulkTickets = 10_000;

export type BulkSelection =
  | { ticketIds: string[] }
  /** Every ticket the filter matches ("select all matching"), up to maxBulkTickets. */
  | { filter: Omit<TicketListFilter, "limit" | "cursor" | "sort"> };

/**
 * One change to many tickets: all of them in one transaction, or none (an unknown id, an
 * inactive assignee or a selection over the limit refuses the whole change). Answers how
 * many tickets were selected and how many really changed.
 */
export async function bulkUpdateTickets(
  actor: Actor,
  selection: BulkSelection,
  change: TicketChangeInput,
): Promise<{ matched: number; changed: number }> {
  if (!canWorkTickets(actor)) throw forbidden();

  const result = await db().transaction(async (tx) => {
    const ids = "ticketIds" in selection ? [...new Set(selection.ticketIds)] : await matchingIds(selection.filter);
    if (ids.length > maxBulkTickets) {
      throw new AppError("validation_failed", `At most ${maxBulkTickets.toLocaleString("en")} tickets at once; narrow the selection`, [
        { path: "filter" in selection ? "filter" : "ticketIds", message: `More than ${maxBulkTickets} tickets` },
      ]);
    }
    const outcome = await changeTickets(tx, actor, ids, change);
    if (outcome.found.length !== ids.length) {
      throw new AppError("validation_failed", "Some tickets do not exist; nothing was changed", [
        { path: "ticketIds", message: `${ids.length - outcome.found.length} unknown` },
      ]);
    }
    return { matched: ids.length, ...outcome };

    async function matchingIds(filter: Omit<TicketListFilter, "limit" | "cursor" | "sort">): Promise<string[]> {
      const rows = await tx
        .select({ id: tickets.id })
        .from(tickets)
        .where(and(...ticketConditions(filter)))
        .limit(maxBulkTickets + 1);
      return rows.map((row) => row.id);
    }
  });

  // A few changes go out live one by one; thousands as one event that lists reload on.
  if (result.changed.length > liveEventLimit) {
    publish({ type: "tickets.bulk_updated", ticketIds: result.changed.map((t) => t.id), changes: [...new Set(result.changed.flatMap((t) => t.fields))] });
  } else if (result.changed.length > 0) {
    for (const { id, fields } of result.changed) {
      const ticket = await findTicketSummary(db(), id);
      if (ticket) publish({ type: "ticket.updated", ticket, changes: fields });
    }
    await publishTicketActivity(result.eventIds);
  }
  return { matched: result.matched, changed: result.changed.length };
}

