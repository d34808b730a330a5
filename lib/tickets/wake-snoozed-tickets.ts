import { sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { publish } from "@/lib/events/event-bus";
import { defineJob } from "@/lib/jobs/job-queue";
import { findTicketSummary } from "./ticket-queries";

export type WakeSnoozedTickets = { ticketIds: string[]; snoozedUntil: string };

/**
 * Opens snoozed tickets again when their time comes. Enqueued with the snooze, in its
 * transaction (lib/tickets/change-tickets.ts), to start at `snoozedUntil`. A ticket that
 * was woken, re-snoozed to another time or changed since is left alone, so running the
 * job twice, or late, is harmless.
 */
export const wakeSnoozedTicketsJob = defineJob<WakeSnoozedTickets>({
  name: "ticket.wake-snoozed",
  retryLimit: 10,
  retryDelaySeconds: 5,
  retryBackoff: true,
  async run({ ticketIds, snoozedUntil }) {
    const woken = await wakeSnoozedTickets(ticketIds, snoozedUntil);
    // A bulk snooze can wake thousands at once; lists refresh from one event then.
    if (woken.length > liveEventLimit) publish({ type: "tickets.bulk_updated", ticketIds: woken, changes: ["status"] });
    else {
      for (const id of woken) {
        const ticket = await findTicketSummary(db(), id);
        if (ticket) publish({ type: "ticket.updated", ticket, changes: ["status"] });
      }
    }
  },
});

/** Up to this many changed tickets are sent live one by one; beyond it, as one bulk event. */
export const liveEventLimit = 100;

export async function wakeSnoozedTickets(ticketIds: string[], snoozedUntil: string): Promise<string[]> {
  return db().transaction(async (tx) => {
    const rows = await tx.execute<{ id: string }>(sql`
      with woken as (
        update tickets set status = 'open', snoozed_until = null, updated_at = now()
        where id in (select id from tickets where id = any(${sql.param(ticketIds)}::uuid[]) order by id for update)
          and status = 'snoozed' and snoozed_until = ${snoozedUntil}::timestamptz and snoozed_until <= now()
        returning id
      ), events as (
        insert into ticket_events (ticket_id, type, data)
        select id, 'status.changed', jsonb_build_object('from', 'snoozed', 'to', 'open', 'reason', 'snooze_ended') from woken
      )
      select id from woken`);
    return rows.map((row) => row.id);
  });
}
