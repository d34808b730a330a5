import { and, eq, inArray } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ticketEvents } from "@/lib/db/schema";
import { createTestTicket, createTestUser } from "@/lib/testing/factories";
import { forTicket, recordEvents } from "@/lib/testing/record-events";
import { updateTicket } from "./update-ticket";

const auditTypes = ["status.changed", "assignee.changed"];

async function audit(ticketId: string) {
  return db()
    .select({ type: ticketEvents.type })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), inArray(ticketEvents.type, auditTypes)));
}

describe("updateTicket", () => {
  it("applies status and assignee together: two audit entries, one event", async () => {
    const { actor, user } = await createTestUser({ role: "agent" });
    const ticket = await createTestTicket();
    const recorder = recordEvents(forTicket(ticket.id));

    const updated = await updateTicket(actor, ticket.id, { status: "pending", assigneeId: user.id });
    await recorder.settle();
    recorder.stop();

    expect(updated).toMatchObject({ status: "pending", assignee: { id: user.id } });
    expect((await audit(ticket.id)).map((row) => row.type).sort()).toEqual([...auditTypes].sort());
    expect(recorder.events).toEqual([
      expect.objectContaining({ type: "ticket.updated", changes: ["status", "assignee"] }),
    ]);
  });

  it("applies nothing and publishes nothing when one part is refused", async () => {
    const { actor } = await createTestUser();
    const ticket = await createTestTicket();
    const recorder = recordEvents(forTicket(ticket.id));

    await expect(updateTicket(actor, ticket.id, { status: "resolved", assigneeId: randomUUID() })).rejects.toMatchObject({
      code: "validation_failed",
      details: [{ path: "assigneeId" }],
    });
    await recorder.settle();
    recorder.stop();

    expect(await audit(ticket.id)).toEqual([]);
    expect(recorder.events).toEqual([]);
  });

  it("records nothing for a change to the values the ticket already has", async () => {
    const { actor } = await createTestUser();
    const ticket = await createTestTicket();
    const recorder = recordEvents(forTicket(ticket.id));

    await updateTicket(actor, ticket.id, { status: "open", assigneeId: null });
    await recorder.settle();
    recorder.stop();

    expect(await audit(ticket.id)).toEqual([]);
    expect(recorder.events).toEqual([]);
  });
});
