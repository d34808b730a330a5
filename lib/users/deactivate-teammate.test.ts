import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ticketEvents, tickets } from "@/lib/db/schema";
import { changeTicketStatus } from "@/lib/tickets/change-ticket-status";
import { assignTicket } from "@/lib/tickets/assign-ticket";
import { createTestTicket, createTestUser } from "@/lib/testing/factories";
import { forTicket, recordEvents } from "@/lib/testing/record-events";
import { deactivateTeammate } from "./deactivate-teammate";

const assigneeOf = async (id: string) => (await db().select().from(tickets).where(eq(tickets.id, id)))[0]!.assigneeId;

async function agentWithTickets() {
  const { actor: admin } = await createTestUser({ role: "admin" });
  const { user: leaving } = await createTestUser({ role: "agent" });
  const open = await createTestTicket();
  const resolved = await createTestTicket();
  await assignTicket(admin, open.id, leaving.id);
  await assignTicket(admin, resolved.id, leaving.id);
  await changeTicketStatus(admin, resolved.id, "resolved");
  return { admin, leaving, open, resolved };
}

describe("deactivating a teammate with open tickets", () => {
  it("hands their open tickets back to the queue, each with a ticket event, live", async () => {
    const { admin, leaving, open, resolved } = await agentWithTickets();
    const recorder = recordEvents(forTicket(open.id));

    await deactivateTeammate(admin, { userId: leaving.id });
    await recorder.settle();
    recorder.stop();

    expect(await assigneeOf(open.id)).toBeNull();
    expect(await assigneeOf(resolved.id)).toBe(leaving.id);
    const events = await db().select().from(ticketEvents).where(eq(ticketEvents.ticketId, open.id));
    expect(events.at(-1)).toMatchObject({
      type: "assignee.changed",
      data: { from: leaving.id, to: null, reason: "deactivated" },
    });
    expect(recorder.events).toEqual([expect.objectContaining({ type: "ticket.updated", changes: ["assignee"] })]);
  });

  it("hands them to the teammate the admin picks, who must be another active teammate", async () => {
    const { admin, leaving, open } = await agentWithTickets();
    const { user: gone } = await createTestUser({ role: "agent", active: false });
    const { user: taker } = await createTestUser({ role: "agent" });

    for (const handTicketsTo of [gone.id, leaving.id]) {
      await expect(deactivateTeammate(admin, { userId: leaving.id, handTicketsTo })).rejects.toMatchObject({
        code: "validation_failed",
      });
    }
    expect(await assigneeOf(open.id)).toBe(leaving.id);

    await deactivateTeammate(admin, { userId: leaving.id, handTicketsTo: taker.id });
    expect(await assigneeOf(open.id)).toBe(taker.id);
  });
});
