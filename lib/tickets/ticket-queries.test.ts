import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { tickets } from "@/lib/db/schema";
import { createTestTicket, createTestUser } from "@/lib/testing/factories";
import { assignTicket } from "./assign-ticket";
import { listTicketSummaries, type TicketCursor } from "./ticket-queries";

async function walk(assigneeId: string, limit: number) {
  const seen: string[] = [];
  let cursor: TicketCursor | undefined;
  for (let page = 0; page < 20; page++) {
    const result = await listTicketSummaries(db(), { assigneeId, limit, cursor });
    seen.push(...result.tickets.map((t) => t.id));
    if (!result.nextCursor) return seen;
    cursor = result.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("listTicketSummaries", () => {
  it("pages through tickets whose activity differs only in microseconds", async () => {
    const { actor, user } = await createTestUser();
    const created = await Promise.all(Array.from({ length: 5 }, () => createTestTicket()));
    for (const ticket of created) await assignTicket(actor, ticket.id, user.id);
    // In the past, so these rows sink to the bottom of any inbox other tests look at.
    await Promise.all(
      created.map((ticket, i) =>
        db()
          .update(tickets)
          .set({ lastMessageAt: sql`timestamptz '2001-01-01 00:00:00.123+00' + ${i + 1}::int * interval '1 microsecond'` })
          .where(eq(tickets.id, ticket.id)),
      ),
    );

    const seen = await walk(user.id, 2);

    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(created.map((t) => t.id)));
    const rows = await db().select({ id: tickets.id }).from(tickets).where(inArray(tickets.id, seen));
    expect(rows).toHaveLength(5);
  });
});
