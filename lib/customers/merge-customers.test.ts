import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { auditLog, customerIdentities, customerMerges, customers, tickets } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { createTestApiKey, createTestTicket, createTestUser, uniqueSuffix } from "@/lib/testing/factories";
import { forCustomers, recordEvents } from "@/lib/testing/record-events";
import { ingestSegmentCalls } from "@/lib/timeline/ingest-segment-calls";
import type { SegmentCall } from "@/lib/timeline/segment-call.validation";
import { readCustomerTimeline } from "@/lib/timeline/timeline-queries";
import { mergeCustomers } from "./merge-customers";
import { unmergeCustomers } from "./unmerge-customers";

let writer: Actor;
let staff: Actor;

beforeAll(async () => {
  writer = (await createTestApiKey({ scope: "ingest" })).actor;
  staff = (await createTestUser({ role: "staff" })).actor;
});

const send = (...calls: SegmentCall[]) => ingestSegmentCalls(writer, calls, { receivedAt: new Date() });

async function customerOf(userId: string) {
  const [row] = await db()
    .select({ customer: customers })
    .from(customerIdentities)
    .innerJoin(customers, eq(customers.id, customerIdentities.customerId))
    .where(and(eq(customerIdentities.kind, "external_id"), eq(customerIdentities.value, userId)));
  return row!.customer;
}

const titles = async (customerId: string) =>
  (await readCustomerTimeline(db(), customerId, { limit: 100 })).data.map((item) => item.title).sort();

async function twoKnownCustomers() {
  const [a, b] = [`a-${uniqueSuffix()}`, `b-${uniqueSuffix()}`];
  const emailA = `${a}@example.test`;
  await send({ type: "identify", userId: a, traits: { email: emailA, plan: "free", city: "Lyon" } });
  await send({ type: "track", userId: a, event: "From A" });
  await new Promise((resolve) => setTimeout(resolve, 5));
  await send({ type: "identify", userId: b, traits: { email: `${b}@example.test`, plan: "pro", city: null } });
  await send({ type: "track", userId: b, event: "From B" });
  return { a, b, emailA, older: await customerOf(a), newer: await customerOf(b) };
}

describe("merging customers", () => {
  it("merges two known customers when an identify names another's email: the older survives, newer traits win", async () => {
    const { b, emailA, older, newer } = await twoKnownCustomers();
    const recorder = recordEvents(forCustomers(older.id, newer.id));
    const result = await send({ type: "identify", userId: b, traits: { email: emailA } });
    await recorder.settle();
    expect(result.merges).toEqual([expect.objectContaining({ survivorId: older.id, mergedId: newer.id })]);
    expect(recorder.events.map((event) => event.type)).toContain("customer.merged");

    expect((await customerOf(b)).id).toBe(older.id);
    expect(await titles(older.id)).toEqual(["From A", "From B"]);
    const [survivor] = await db().select().from(customers).where(eq(customers.id, older.id));
    // "pro" came later; a null never overwrites.
    expect(survivor!.traits).toMatchObject({ plan: "pro", city: "Lyon" });
    const [merged] = await db().select().from(customers).where(eq(customers.id, newer.id));
    expect(merged!.mergedIntoId).toBe(older.id);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, "customer.merged"), eq(auditLog.targetId, older.id)));
    expect(audit!.data).toMatchObject({ reason: "identify", merged: { id: newer.id } });
  });

  it("merges on alias(previousId, userId)", async () => {
    const { a, b, older, newer } = await twoKnownCustomers();
    const result = await send({ type: "alias", userId: a, previousId: b });
    expect(result.merges).toEqual([expect.objectContaining({ survivorId: older.id, mergedId: newer.id })]);
    expect(await titles(older.id)).toEqual(["From A", "From B"]);
  });

  it("merges once when several calls prove it at once, while events of both customers keep arriving", async () => {
    const { a, b, emailA, older, newer } = await twoKnownCustomers();
    const proofs = Array.from({ length: 4 }, () => send({ type: "identify", userId: b, traits: { email: emailA } }));
    const tracks = Array.from({ length: 8 }, (_, i) => send({ type: "track", userId: i % 2 ? a : b, event: `During ${i}` }));
    const results = await Promise.all([...proofs, ...tracks]);
    expect(results.flatMap((result) => result.merges)).toEqual([expect.objectContaining({ survivorId: older.id, mergedId: newer.id })]);
    expect(await titles(older.id)).toHaveLength(10);
    expect(await titles(newer.id)).toEqual([]);
  });

  it("lets staff merge by hand, choosing the survivor, and undo it", async () => {
    const { a, b, older, newer } = await twoKnownCustomers();
    const ticket = await createTestTicket({ customer: { email: newer.email! } });
    expect(ticket.customer.id).toBe(newer.id);

    const merge = await mergeCustomers(staff, { survivorId: newer.id, mergedId: older.id });
    expect((await customerOf(a)).id).toBe(newer.id);
    expect(await titles(newer.id)).toContain("From A");

    // Something arrives for A's identity while merged: it goes back with A.
    await send({ type: "track", userId: a, event: "While Merged" });
    await unmergeCustomers(staff, merge.mergeId);
    expect((await customerOf(a)).id).toBe(older.id);
    expect((await customerOf(b)).id).toBe(newer.id);
    expect(await titles(older.id)).toEqual(["From A", "While Merged"]);
    expect((await titles(newer.id)).filter((title) => title.startsWith("From"))).toEqual(["From B"]);
    const [ticketRow] = await db().select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(ticketRow!.customerId).toBe(newer.id);
    const [restored] = await db().select().from(customers).where(eq(customers.id, older.id));
    expect(restored).toMatchObject({ mergedIntoId: null, traits: { plan: "free", city: "Lyon" } });
    const [survivor] = await db().select().from(customers).where(eq(customers.id, newer.id));
    expect(survivor!.traits).toEqual({ email: `${b}@example.test`, plan: "pro" });
    const [record] = await db().select().from(customerMerges).where(eq(customerMerges.id, merge.mergeId));
    expect(record!.unmergedAt).not.toBeNull();

    const again = await unmergeCustomers(staff, merge.mergeId).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).code).toBe("conflict");
  });

  it("brings an anonymous visitor's earlier touchpoints to the customer who identifies", async () => {
    const anonymousId = `anon-${uniqueSuffix()}`;
    const userId = `known-${uniqueSuffix()}`;
    await send({ type: "identify", userId, traits: { name: "Known" } });
    await send({ type: "page", anonymousId, properties: { path: "/pricing" } });
    await send({ type: "identify", userId, anonymousId });
    const known = await customerOf(userId);
    expect(await titles(known.id)).toEqual(["Visited /pricing"]);
    expect(known.name).toBe("Known");
  });

  it("refuses merging a customer into itself, or for a write key", async () => {
    const { older, newer } = await twoKnownCustomers();
    await expect(mergeCustomers(staff, { survivorId: older.id, mergedId: older.id })).rejects.toMatchObject({ code: "conflict" });
    await expect(mergeCustomers(writer, { survivorId: older.id, mergedId: newer.id })).rejects.toMatchObject({ code: "forbidden" });
  });
});
