import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ticketEvents, tickets } from "@/lib/db/schema";
import { createTestApiKey, createTestTicket, createTestUser } from "@/lib/testing/factories";
import { forTicket, recordEvents } from "@/lib/testing/record-events";
import { assignTicket } from "./assign-ticket";

describe("assignTicket", () => {
  it("assigns to an active teammate and unassigns, auditing and publishing each change", async () => {
    const { actor } = await createTestApiKey();
    const { user: agent } = await createTestUser({ role: "agent" });
    const ticket = await createTestTicket();
    const recorder = recordEvents(forTicket(ticket.id));

    const assigned = await assignTicket(actor, ticket.id, agent.id);
    expect(assigned.assignee).toEqual({ id: agent.id, name: agent.name, email: agent.email });
    const unassigned = await assignTicket(actor, ticket.id, null);
    expect(unassigned.assignee).toBeNull();

    const audit = await db()
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, ticket.id), eq(ticketEvents.type, "assignee.changed")))
      .orderBy(ticketEvents.createdAt);
    expect(audit.map((row) => [row.data, row.actorApiKeyId])).toEqual([
      [{ from: null, to: agent.id }, actor.id],
      [{ from: agent.id, to: null }, actor.id],
    ]);
    await recorder.settle();
    recorder.stop();
    expect(recorder.events).toHaveLength(2);
  });

  it.each([
    ["an inactive user", async () => (await createTestUser({ active: false })).user.id],
    ["an unknown user", async () => randomUUID()],
  ])("refuses %s and leaves the ticket as it was", async (_label, assigneeId) => {
    const { actor } = await createTestUser();
    const ticket = await createTestTicket();

    await expect(assignTicket(actor, ticket.id, await assigneeId())).rejects.toMatchObject({
      code: "validation_failed",
    });
    const [row] = await db().select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row!.assigneeId).toBeNull();
  });
});
