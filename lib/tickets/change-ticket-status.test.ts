import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ticketEvents } from "@/lib/db/schema";
import { createTestTicket, createTestUser } from "@/lib/testing/factories";
import { forTicket, recordEvents } from "@/lib/testing/record-events";
import { changeTicketStatus } from "./change-ticket-status";

async function statusAudit(ticketId: string) {
  return db()
    .select()
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.type, "status.changed")))
    .orderBy(ticketEvents.createdAt);
}

describe("changeTicketStatus", () => {
  it("sets resolvedAt on resolve, clears it on reopen, and audits each change", async () => {
    const { actor, user } = await createTestUser({ role: "agent" });
    const ticket = await createTestTicket();
    const recorder = recordEvents(forTicket(ticket.id));

    const resolved = await changeTicketStatus(actor, ticket.id, "resolved");
    expect(resolved.status).toBe("resolved");
    expect(resolved.resolvedAt).not.toBeNull();

    const reopened = await changeTicketStatus(actor, ticket.id, "open");
    expect(reopened.status).toBe("open");
    expect(reopened.resolvedAt).toBeNull();

    const audit = await statusAudit(ticket.id);
    expect(audit.map((row) => [row.data, row.actorUserId])).toEqual([
      [{ from: "open", to: "resolved" }, user.id],
      [{ from: "resolved", to: "open" }, user.id],
    ]);
    await recorder.settle();
    recorder.stop();
    expect(recorder.events.map((e) => (e.type === "ticket.updated" ? [e.type, e.ticket.status, e.changes] : e.type))).toEqual([
      ["ticket.updated", "resolved", ["status"]],
      ["ticket.updated", "open", ["status"]],
    ]);
  });

  it("writes nothing and publishes nothing when the status does not change", async () => {
    const { actor } = await createTestUser();
    const ticket = await createTestTicket();
    const recorder = recordEvents(forTicket(ticket.id));

    await changeTicketStatus(actor, ticket.id, "open");
    await recorder.settle();
    recorder.stop();

    expect(await statusAudit(ticket.id)).toEqual([]);
    expect(recorder.events).toEqual([]);
  });

  it("refuses an unknown ticket", async () => {
    const { actor } = await createTestUser();
    await expect(changeTicketStatus(actor, "00000000-0000-4000-8000-000000000000", "pending")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
