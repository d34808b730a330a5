import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { inboxCounts, ticketEvents, tickets } from "@/lib/db/schema";
import { createTeam } from "@/lib/teams/create-team";
import { createTestApiKey, createTestEmailChannel, createTestTicket, createTestUser, uniqueEmail, uniqueWord } from "@/lib/testing/factories";
import { receiveMessage } from "./receive-message";
import { updateTicket } from "./update-ticket";
import { wakeSnoozedTickets } from "./wake-snoozed-tickets";

async function eventsOf(ticketId: string) {
  return db()
    .select({ type: ticketEvents.type, data: ticketEvents.data, actorUserId: ticketEvents.actorUserId })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId)))
    .orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.type));
}

async function count(dimension: string, key: string): Promise<number> {
  const [row] = await db()
    .select({ count: inboxCounts.count })
    .from(inboxCounts)
    .where(and(eq(inboxCounts.dimension, dimension), eq(inboxCounts.key, key)));
  return row?.count ?? 0;
}

describe("ticket workflow", () => {
  it("changes priority, team and tags with one ticket event per field, naming who did it", async () => {
    const { actor, user } = await createTestUser({ role: "admin" });
    const team = await createTeam(actor, { name: `Billing ${uniqueWord()}`, memberIds: [user.id] });
    const ticket = await createTestTicket();

    const updated = await updateTicket(actor, ticket.id, {
      priority: "urgent",
      teamId: team.id,
      tags: ["vip", "refund"],
    });

    expect(updated).toMatchObject({ priority: "urgent", team: { id: team.id, name: team.name }, tags: ["refund", "vip"] });
    const events = (await eventsOf(ticket.id)).filter((event) => event.type !== "ticket.created");
    expect(events).toEqual(
      expect.arrayContaining([
        { type: "priority.changed", data: { from: "normal", to: "urgent" }, actorUserId: user.id },
        { type: "team.changed", data: { from: null, to: team.id, toName: team.name }, actorUserId: user.id },
        { type: "tags.changed", data: { added: ["refund", "vip"], removed: [] }, actorUserId: user.id },
      ]),
    );
    expect(events).toHaveLength(3);

    await updateTicket(actor, ticket.id, { addTags: ["late"], removeTags: ["vip"] });
    const [row] = await db().select({ tags: tickets.tags }).from(tickets).where(eq(tickets.id, ticket.id));
    expect(row!.tags).toEqual(["late", "refund"]);
  });

  it("refuses an unknown team, a snooze without a time and a past snooze, changing nothing", async () => {
    const { actor } = await createTestUser();
    const ticket = await createTestTicket();
    await expect(updateTicket(actor, ticket.id, { teamId: crypto.randomUUID(), priority: "high" })).rejects.toMatchObject({
      code: "validation_failed",
      details: [{ path: "teamId" }],
    });
    const [row] = await db().select({ priority: tickets.priority }).from(tickets).where(eq(tickets.id, ticket.id));
    expect(row!.priority).toBe("normal");

    const { ticketChangeInput } = await import("./ticket-change.validation");
    expect(ticketChangeInput.safeParse({ status: "snoozed" }).success).toBe(false);
    expect(ticketChangeInput.safeParse({ status: "snoozed", snoozedUntil: "2001-01-01T00:00:00Z" }).success).toBe(false);
    expect(ticketChangeInput.safeParse({ status: "open", snoozedUntil: new Date(Date.now() + 60_000).toISOString() }).success).toBe(false);
    expect(ticketChangeInput.safeParse({}).success).toBe(false);
  });

  it("snoozes until a time, and the wake-up job opens it again only once that time has come", async () => {
    const { actor } = await createTestUser();
    const ticket = await createTestTicket();
    const until = new Date(Date.now() + 3_600_000).toISOString();

    const snoozed = await updateTicket(actor, ticket.id, { status: "snoozed", snoozedUntil: until });
    expect(snoozed).toMatchObject({ status: "snoozed", snoozedUntil: until });
    // The job is queued in the snooze's transaction, to start at the wake-up time.
    const jobs = await db().execute<{ data: { ticketIds: string[] }; start_after: Date }>(
      sqlJobsFor(ticket.id),
    );
    expect(jobs).toHaveLength(1);
    expect(Math.abs(new Date(jobs[0]!.start_after).getTime() - Date.parse(until))).toBeLessThan(2_000);

    // Too early: nothing happens.
    expect(await wakeSnoozedTickets([ticket.id], until)).toEqual([]);

    // Time has come (moved into the past here rather than waited for).
    const past = new Date(Date.now() - 1_000).toISOString();
    await db().update(tickets).set({ snoozedUntil: new Date(past) }).where(eq(tickets.id, ticket.id));
    expect(await wakeSnoozedTickets([ticket.id], past)).toEqual([ticket.id]);
    // A second run (pg-boss delivers at least once) finds nothing to do.
    expect(await wakeSnoozedTickets([ticket.id], past)).toEqual([]);

    const [row] = await db().select({ status: tickets.status, until: tickets.snoozedUntil }).from(tickets).where(eq(tickets.id, ticket.id));
    expect(row).toEqual({ status: "open", until: null });
    expect((await eventsOf(ticket.id)).at(-1)).toMatchObject({
      type: "status.changed",
      data: { from: "snoozed", to: "open", reason: "snooze_ended" },
      actorUserId: null,
    });
  });

  it("a wake-up for an earlier snooze leaves a ticket snoozed again to a later time alone", async () => {
    const { actor } = await createTestUser();
    const ticket = await createTestTicket();
    const first = new Date(Date.now() + 60_000).toISOString();
    await updateTicket(actor, ticket.id, { status: "snoozed", snoozedUntil: first });
    const later = new Date(Date.now() + 7_200_000).toISOString();
    await updateTicket(actor, ticket.id, { status: "snoozed", snoozedUntil: later });
    expect(await wakeSnoozedTickets([ticket.id], first)).toEqual([]);
    const [row] = await db().select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ticket.id));
    expect(row!.status).toBe("snoozed");
  });

  it("keeps the sidebar counters exact through status, assignee, team and tag changes", async () => {
    const { actor, user } = await createTestUser({ role: "admin" });
    const team = await createTeam(actor, { name: `Returns ${uniqueWord()}`, memberIds: [] });
    const tag = uniqueWord("tag");
    const first = await createTestTicket();
    const second = await createTestTicket();

    await updateTicket(actor, first.id, { teamId: team.id, addTags: [tag], assigneeId: user.id });
    await updateTicket(actor, second.id, { teamId: team.id, addTags: [tag] });
    expect(await count("team", team.id)).toBe(2);
    expect(await count("tag", tag)).toBe(2);
    expect(await count("assignee", user.id)).toBe(1);

    await updateTicket(actor, first.id, { status: "pending" });
    expect(await count("team", team.id)).toBe(1);
    expect(await count("tag", tag)).toBe(1);
    expect(await count("assignee", user.id)).toBe(0);

    await updateTicket(actor, first.id, { status: "open", removeTags: [tag] });
    expect(await count("team", team.id)).toBe(2);
    expect(await count("tag", tag)).toBe(1);
    expect(await count("assignee", user.id)).toBe(1);

    const counted = await db().execute<{ n: number }>(
      sqlOpenWithTag(tag),
    );
    expect(counted[0]!.n).toBe(await count("tag", tag));
  });

  it("opens a snoozed ticket when the customer writes; a closed one stays closed and the mail opens a new ticket", async () => {
    const { actor } = await createTestUser();
    const channel = await createTestEmailChannel();
    const from = { email: uniqueEmail("writer"), name: "Writer" };
    const first = await receiveMessage({ channel: { id: channel.id, kind: "email" }, from, subject: "Help", bodyText: "Hello" });
    await updateTicket(actor, first.ticket.id, { status: "snoozed", snoozedUntil: new Date(Date.now() + 86_400_000).toISOString() });

    const again = await receiveMessage({
      channel: { id: channel.id, kind: "email" },
      from,
      subject: "Re: Help",
      bodyText: "Any news?",
      replyToTicketIds: [first.ticket.id],
    });
    expect(again.ticket).toMatchObject({ id: first.ticket.id, status: "open", snoozedUntil: null });
    expect((await eventsOf(first.ticket.id)).find((event) => event.type === "status.changed" && event.data.reason === "customer_wrote")).toMatchObject({
      data: { from: "snoozed", to: "open" },
      actorUserId: null,
    });

    await updateTicket(actor, first.ticket.id, { status: "closed" });
    const afterClose = await receiveMessage({
      channel: { id: channel.id, kind: "email" },
      from,
      subject: "Re: Help",
      bodyText: "One more thing",
      replyToTicketIds: [first.ticket.id],
    });
    expect(afterClose.created).toBe(true);
    expect(afterClose.ticket.id).not.toBe(first.ticket.id);
    const [closed] = await db().select({ status: tickets.status, resolvedAt: tickets.resolvedAt }).from(tickets).where(eq(tickets.id, first.ticket.id));
    expect(closed!.status).toBe("closed");
    expect(closed!.resolvedAt).not.toBeNull();
  });

  it("lets an API key make changes, recorded as the key's", async () => {
    const { actor, apiKey } = await createTestApiKey();
    const ticket = await createTestTicket();
    await updateTicket(actor, ticket.id, { priority: "low" });
    const [event] = await db()
      .select({ actorApiKeyId: ticketEvents.actorApiKeyId })
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, ticket.id), eq(ticketEvents.type, "priority.changed")));
    expect(event!.actorApiKeyId).toBe(apiKey.id);
  });
});


function sqlJobsFor(ticketId: string) {
  return sql`select data, start_after from pgboss.job where name = 'ticket.wake-snoozed' and data->'ticketIds' ? ${ticketId}`;
}

function sqlOpenWithTag(tag: string) {
  return sql`select count(*)::int n from tickets where status = 'open' and tags @> array[${tag}]::text[]`;
}
