import { and, eq, notInArray, sql } from "drizzle-orm";
import { doneStatuses } from "@/lib/tickets/ticket-constants";
import { recordAudit } from "@/lib/audit/record-audit";
import { actorColumns, type Actor } from "@/lib/auth/actor";
import { canManageSettings } from "@/lib/auth/permissions";
import { endSessionsOf } from "@/lib/auth/sessions";
import { db, type Transaction } from "@/lib/db/client";
import { ticketEvents, tickets, users } from "@/lib/db/schema";
import { AppError, forbidden } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import { publishTicketActivity } from "@/lib/tickets/publish-ticket-activity";
import { findTicketSummary } from "@/lib/tickets/ticket-queries";
import { teammateColumns, type Teammate } from "./list-teammates";
import { leavesNoActiveAdmin, lockTeamForChange } from "./lock-team-for-change";
import type { DeactivateTeammateInput } from "./teammate.validation";

/**
 * An admin deactivates a teammate. Sign-in, pages, actions and the realtime socket all
 * load the active user on every request, and the realtime listener closes the sockets
 * the teammate already has, so an open session stops working at once. Their sessions end
 * too, so that reactivating them later does not revive a cookie someone kept. Their open
 * tickets go back to the queue, or to the teammate the admin picked, so no customer waits
 * on someone who has left.
 */
export async function deactivateTeammate(actor: Actor, input: DeactivateTeammateInput): Promise<Teammate> {
  if (!canManageSettings(actor)) throw forbidden("Only admins can change settings");
  const handTo = input.handTicketsTo ?? null;
  const { deactivated, handedOver, eventIds } = await db().transaction(async (tx) => {
    const { target, activeAdminIds } = await lockTeamForChange(tx, actor, input.userId);
    if (leavesNoActiveAdmin(activeAdminIds, target, { role: target.role, active: false })) {
      throw new AppError("conflict", "You are the only active admin: make someone else an admin before deactivating yourself");
    }
    if (handTo) await assertCanTakeOver(tx, handTo, target.id);
    const [updated] = await tx
      .update(users)
      .set({ active: false })
      .where(eq(users.id, target.id))
      .returning(teammateColumns);
    await endSessionsOf(tx, target.id);
    const handed = await tx
      .update(tickets)
      .set({ assigneeId: handTo, updatedAt: sql`now()` })
      .where(and(eq(tickets.assigneeId, target.id), notInArray(tickets.status, [...doneStatuses])))
      .returning({ id: tickets.id });
    const events =
      handed.length === 0
        ? []
        : await tx
            .insert(ticketEvents)
            .values(
              handed.map(({ id }) => ({
                ticketId: id,
                type: "assignee.changed",
                ...actorColumns(actor),
                data: { from: target.id, to: handTo, reason: "deactivated" },
              })),
            )
            .returning({ id: ticketEvents.id });
    if (target.active) {
      await recordAudit(tx, actor, {
        action: "teammate.deactivated",
        target: { type: "user", id: target.id, name: target.name },
        data: { openTicketsHandedTo: handTo, openTickets: handed.length },
      });
    }
    return { deactivated: updated!, handedOver: handed.map(({ id }) => id), eventIds: events.map(({ id }) => id) };
  });
  publish({ type: "user.deactivated", userId: deactivated.id });
  for (const ticketId of handedOver) {
    const ticket = await findTicketSummary(db(), ticketId);
    if (ticket) publish({ type: "ticket.updated", ticket, changes: ["assignee"] });
  }
  await publishTicketActivity(eventIds);
  return deactivated;
}

async function assertCanTakeOver(tx: Transaction, userId: string, leaving: string) {
  const [taker] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, userId), eq(users.active, true)));
  if (!taker || userId === leaving) {
    throw new AppError("validation_failed", "Open tickets can only go to another active teammate", [
      { path: "handTicketsTo", message: "Not another active teammate" },
    ]);
  }
}
