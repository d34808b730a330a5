import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { customers } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { createTestApiKey, createTestTicket, uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";
import { addMessage } from "@/lib/tickets/add-message";
import { recordTouchpoints } from "./record-touchpoints";
import { readCustomerTimeline, recentJourney, type TimelineItem } from "./timeline-queries";

async function customerWithTicket() {
  const ticket = await createTestTicket({ customer: { email: uniqueEmail("timeline"), name: "Tim Line" }, body: "Where is  my\norder?" });
  return { ticket, customerId: ticket.customer.id };
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function readAll(customerId: string, options: { family?: TimelineItem["family"]; limit: number }) {
  const items: TimelineItem[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await readCustomerTimeline(db(), customerId, { ...options, cursor });
    items.push(...page.data);
    if (!page.nextCursor) return { items, pages: pages + 1 };
    cursor = page.nextCursor;
  }
  throw new Error("the timeline never ended");
}

describe("customer timeline", () => {
  it("is the union of touchpoints, tickets and their messages, newest first", async () => {
    const { ticket, customerId } = await customerWithTicket();
    await db().transaction((tx) =>
      recordTouchpoints(tx, [
        { customerId, call: "track", name: "Order Completed", properties: { order_id: "1042", total: 59.9, currency: "EUR" }, source: "test", occurredAt: minutesAgo(60) },
        { customerId, call: "page", name: "Returns", properties: { path: "/returns" }, source: "test", occurredAt: minutesAgo(30) },
      ]),
    );
    await addMessage((await createTestApiKey()).actor, ticket.id, { kind: "note", body: "Checked the carrier" });

    const page = await readCustomerTimeline(db(), customerId, { limit: 10 });
    const families = page.data.map((item) => item.family);
    expect(families.slice(-2)).toEqual(["website_visit", "order"]);
    expect(families).toContain("ticket");
    expect(families).toContain("message");
    expect(page.data.find((item) => item.type === "note.added")).toMatchObject({ title: "Checked the carrier", properties: { internal: true } });
    const opened = page.data.find((item) => item.family === "ticket")!;
    expect(opened).toMatchObject({ type: "ticket.opened", ticketId: ticket.id, properties: { number: ticket.number } });
    expect(opened.title).toContain(ticket.subject);
    const message = page.data.find((item) => item.type === "message.received")!;
    expect(message).toMatchObject({ ticketId: ticket.id, title: "Where is my order?" });
    expect(page.data.find((item) => item.family === "order")!.title).toBe("Order #1042 completed · €59.90");
    const times = page.data.map((item) => item.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(page.nextCursor).toBeNull();
  });

  it("pages with a keyset cursor through entries that share a timestamp, skipping none", async () => {
    const { customerId } = await customerWithTicket();
    const at = minutesAgo(5);
    await db().transaction((tx) =>
      recordTouchpoints(
        tx,
        Array.from({ length: 23 }, (_, i) => ({
          customerId,
          call: "track" as const,
          name: `Step ${i}`,
          source: "test",
          // Seven share one instant: the id must break the tie.
          occurredAt: i < 7 ? at : minutesAgo(10 + i),
        })),
      ),
    );
    const all = await readCustomerTimeline(db(), customerId, { limit: 100 });
    const { items, pages } = await readAll(customerId, { limit: 4 });
    expect(pages).toBe(Math.ceil(all.data.length / 4));
    expect(items.map((item) => item.id)).toEqual(all.data.map((item) => item.id));
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });

  it("filters by family", async () => {
    const { customerId, ticket } = await customerWithTicket();
    await db().transaction((tx) =>
      recordTouchpoints(tx, [
        { customerId, call: "track", name: "Email Opened", properties: { email_subject: "Your order is late" }, source: "test", occurredAt: minutesAgo(3) },
        { customerId, call: "track", name: "Order Refunded", properties: { order_id: "7" }, source: "test", occurredAt: minutesAgo(2) },
      ]),
    );
    const emails = await readCustomerTimeline(db(), customerId, { family: "marketing_email", limit: 10 });
    expect(emails.data.map((item) => item.title)).toEqual(["Opened “Your order is late”"]);
    const tickets = await readCustomerTimeline(db(), customerId, { family: "ticket", limit: 10 });
    expect(tickets.data.map((item) => item.ticketId)).toEqual([ticket.id]);
    const calls = await readCustomerTimeline(db(), customerId, { family: "call", limit: 10 });
    expect(calls.data).toEqual([]);
  });

  it("refuses a cursor it did not make", async () => {
    const { customerId } = await customerWithTicket();
    const error = await readCustomerTimeline(db(), customerId, { cursor: "bm90IGEgY3Vyc29y", limit: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("validation_failed");
  });

  it("shows the recent journey before a moment, touchpoints only", async () => {
    const [customer] = await db().insert(customers).values({ name: `Journey ${uniqueSuffix()}` }).returning();
    const customerId = customer!.id;
    await db().transaction((tx) =>
      recordTouchpoints(tx, [
        { customerId, call: "track", name: "Order Shipped", properties: { order_id: "1042" }, source: "test", occurredAt: minutesAgo(50) },
        { customerId, call: "page", properties: { path: "/returns" }, source: "test", occurredAt: minutesAgo(40) },
        { customerId, call: "page", properties: { path: "/later" }, source: "test", occurredAt: minutesAgo(1) },
      ]),
    );
    const journey = await recentJourney(db(), customerId, minutesAgo(20), 5);
    expect(journey.map((item) => item.title)).toEqual(["Visited /returns", "Order #1042 shipped"]);
    await db().delete(customers).where(eq(customers.id, customerId));
  });
});
