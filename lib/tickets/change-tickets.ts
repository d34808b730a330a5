import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { actorColumns } from "@/lib/auth/actor";
import type { Transaction } from "@/lib/db/client";
import { teams, tickets, users, type TicketStatus } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/job-queue";
import { notifyPeople } from "@/lib/notifications/notify-people";
import { doneStatuses, type TicketPriority } from "./ticket-constants";
import type { TicketChangeInput } from "./ticket-change.validation";
import { maxTagsPerTicket } from "./ticket-filter";
import { wakeSnoozedTicketsJob } from "./wake-snoozed-tickets";

type Before = {
  id: string;
  status: TicketStatus;
  snoozedUntil: Date | null;
  priority: TicketPriority;
  assigneeId: string | null;
  teamId: string | null;
  tags: string[];
  resolvedAt: Date | null;
};

/** What changed on one ticket: the fields, for the ticket.updated event. */
export type ChangedTicket = { id: string; fields: string[] };

type Event = { ticket_id: string; type: string; data: Record<string, unknown> };

/**
 * Applies one change to every ticket in `ticketIds` inside the caller's transaction, all
 * or nothing, set-based: the rows are locked in id order (two bulk changes that overlap
 * queue instead of deadlocking), each field that really changes on a ticket gets a
 * ticket event (who, what, from, to), and the update is one statement however many
 * tickets there are. Unknown ids are left to the caller: the result lists what it found.
 */
export async function changeTickets(
  tx: Transaction,
  actor: Actor,
  ticketIds: string[],
  change: TicketChangeInput,
): Promise<{ found: string[]; changed: ChangedTicket[]; eventIds: string[]; notificationIds: string[] }> {
  const newTeamName = await checkReferences(tx, change);

  const before: Before[] = await tx
    .select({
      id: tickets.id,
      status: tickets.status,
      snoozedUntil: tickets.snoozedUntil,
      priority: tickets.priority,
      assigneeId: tickets.assigneeId,
      teamId: tickets.teamId,
      tags: tickets.tags,
      resolvedAt: tickets.resolvedAt,
    })
    .from(tickets)
    // One array parameter however many ids (a list of thousands would be as many parameters).
    .where(sql`${tickets.id} = any(${sql.param(ticketIds)}::uuid[])`)
    .orderBy(tickets.id)
    .for("update");

  const snoozedUntil = change.snoozedUntil ? new Date(change.snoozedUntil) : null;
  const rows: Record<string, unknown>[] = [];
  const events: Event[] = [];
  const changed: ChangedTicket[] = [];
  const assigned: { userId: string; ticketId: string }[] = [];
  let eventIds: string[] = [];
  for (const ticket of before) {
    const fields: string[] = [];
    const event = (type: string, data: Record<string, unknown>) => events.push({ ticket_id: ticket.id, type, data });

    let status = ticket.status;
    let until = ticket.snoozedUntil;
    if (change.status !== undefined) {
      const resnoozed = change.status === "snoozed" && ticket.snoozedUntil?.getTime() !== snoozedUntil?.getTime();
      if (change.status !== ticket.status || resnoozed) {
        status = change.status;
        until = status === "snoozed" ? snoozedUntil : null;
        fields.push("status");
        event("status.changed", {
          from: ticket.status,
          to: status,
          ...(until ? { snoozedUntil: until.toISOString() } : {}),
        });
      }
    }
    const priority = change.priority ?? ticket.priority;
    if (priority !== ticket.priority) {
      fields.push("priority");
      event("priority.changed", { from: ticket.priority, to: priority });
    }
    const assigneeId = change.assigneeId === undefined ? ticket.assigneeId : change.assigneeId;
    if (assigneeId !== ticket.assigneeId) {
      fields.push("assignee");
      event("assignee.changed", { from: ticket.assigneeId, to: assigneeId });
      if (assigneeId) assigned.push({ userId: assigneeId, ticketId: ticket.id });
    }
    const teamId = change.teamId === undefined ? ticket.teamId : change.teamId;
    if (teamId !== ticket.teamId) {
      fields.push("team");
      event("team.changed", { from: ticket.teamId, to: teamId, ...(teamId ? { toName: newTeamName } : {}) });
    }
    const tags = nextTags(ticket.tags, change);
    if (tags.length > maxTagsPerTicket) {
      throw new AppError("validation_failed", `A ticket has at most ${maxTagsPerTicket} tags`, [
        { path: "addTags", message: `Ticket would have ${tags.length} tags` },
      ]);
    }
    const added = tags.filter((tag) => !ticket.tags.includes(tag));
    const removed = ticket.tags.filter((tag) => !tags.includes(tag));
    if (added.length > 0 || removed.length > 0) {
      fields.push("tags");
      event("tags.changed", { added, removed });
    }
    if (fields.length === 0) continue;

    const done = doneStatuses.includes(status);
    rows.push({
      id: ticket.id,
      status,
      snoozed_until: until?.toISOString() ?? null,
      priority,
      assignee_id: assigneeId,
      team_id: teamId,
      tags,
      // Moving between resolved and closed keeps the time it was first done with.
      keep_resolved_at: done && doneStatuses.includes(ticket.status),
      done,
    });
    changed.push({ id: ticket.id, fields });
  }

  if (rows.length > 0) {
    // One statement for any number of tickets: the rows travel as one JSON parameter.
    await tx.execute(sql`
      update tickets t set
        status = v.status::ticket_status,
        snoozed_until = v.snoozed_until,
        priority = v.priority::ticket_priority,
        assignee_id = v.assignee_id,
        team_id = v.team_id,
        tags = array(select jsonb_array_elements_text(v.tags)),
        resolved_at = case when not v.done then null when v.keep_resolved_at then t.resolved_at else now() end,
        updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
        id uuid, status text, snoozed_until timestamptz, priority text, assignee_id uuid, team_id uuid,
        tags jsonb, keep_resolved_at boolean, done boolean)
      where t.id = v.id`);
    const actorIds = actorColumns(actor);
    const written = await tx.execute<{ id: string }>(sql`
      insert into ticket_events (ticket_id, type, actor_user_id, actor_api_key_id, data)
      select e.ticket_id, e.type, ${actorIds.actorUserId}::uuid, ${actorIds.actorApiKeyId}::uuid, e.data
      from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as e(ticket_id uuid, type text, data jsonb)
      returning id`);
    eventIds = written.map((row) => row.id);
  }

  const snoozed = changed.filter((ticket) => ticket.fields.includes("status")).map((ticket) => ticket.id);
  if (change.status === "snoozed" && snoozedUntil && snoozed.length > 0) {
    // Written in this transaction: the wake-up exists if and only if the snooze does.
    await enqueueJob(
      wakeSnoozedTicketsJob,
      { ticketIds: snoozed, snoozedUntil: snoozedUntil.toISOString() },
      { tx, startAfterSeconds: Math.max(1, Math.ceil((snoozedUntil.getTime() - Date.now()) / 1000)) },
    );
  }
  const notificationIds = await notifyPeople(
    tx,
    actor,
    assigned.map(({ userId, ticketId }) => ({ userId, ticketId, kind: "assignment" })),
  );
  return { found: before.map((ticket) => ticket.id), changed, eventIds, notificationIds };
}

function nextTags(current: string[], change: TicketChangeInput): string[] {
  if (change.tags !== undefined) return [...new Set(change.tags)].sort();
  if (change.addTags === undefined && change.removeTags === undefined) return current;
  const removed = new Set(change.removeTags ?? []);
  return [...new Set([...current, ...(change.addTags ?? [])])].filter((tag) => !removed.has(tag)).sort();
}

/** Refuses a change naming someone inactive or a team that does not exist; answers the team's name. */
async function checkReferences(tx: Transaction, change: TicketChangeInput): Promise<string | null> {
  if (change.assigneeId) {
    const [assignee] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, change.assigneeId), eq(users.active, true)));
    if (!assignee) {
      throw new AppError("validation_failed", "The assignee is not an active teammate", [
        { path: "assigneeId", message: "Not an active teammate" },
      ]);
    }
  }
  if (change.teamId) {
    // Shared lock: the team cannot be deleted before this change commits.
    const [team] = await tx.select({ name: teams.name }).from(teams).where(eq(teams.id, change.teamId)).for("share");
    if (!team) throw new AppError("validation_failed", "No such team", [{ path: "teamId", message: "No such team" }]);
    return team.name;
  }
  return null;
}
