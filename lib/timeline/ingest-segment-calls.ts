import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { canIngestEvents } from "@/lib/auth/permissions";
import { companiesByDomain, companiesByGroup, companyDomainOf } from "@/lib/customers/companies";
import { normalizeEmail } from "@/lib/customers/find-or-create-customer";
import { normalizePhoneNumber } from "@/lib/customers/phone-number";
import { identityKeyString, lockIdentities, type IdentityKey } from "@/lib/customers/identity-locks";
import { mergeCustomersInTransaction, type MergeResult } from "@/lib/customers/merge-customers";
import { db, type Transaction } from "@/lib/db/client";
import type { Touchpoint, Traits } from "@/lib/db/schema";
import { forbidden } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import { publishTouchpoints, recordTouchpoints, type TouchpointRecord } from "./record-touchpoints";
import type { SegmentCall } from "./segment-call.validation";

export const segmentSource = "segment";

export type IngestOptions = {
  /** When the request arrived: Segment's clock-skew correction counts from it. */
  receivedAt: Date;
  /** The batch's own sentAt and context, which each call may override. */
  sentAt?: Date | null;
  context?: Record<string, unknown> | null;
  /** Who sent the touchpoints (a messageId is unique per source): "segment" unless said. */
  source?: string;
};

/**
 * A call to ingest: a Segment call, optionally with identities the caller vouches for
 * besides the call's own ids (a CSV import's email column on a past touchpoint).
 * Segment's routes never set them: their schemas drop unknown keys.
 */
export type IngestCall = SegmentCall & { identities?: IdentityKey[] };

export type IngestResult = { touchpoints: number; duplicates: number; merges: MergeResult[]; customersCreated: number };

/**
 * Stores Segment calls in one transaction: identities resolved to customers (made when
 * new, merged when a call proves two are one), traits and companies updated, and the
 * track, page and screen calls stored as touchpoints, each messageId once. Everything is
 * written set-based, a handful of statements for a whole batch, and is durable when this
 * returns.
 */
export async function ingestSegmentCalls(actor: Actor, calls: SegmentCall[], options: IngestOptions): Promise<IngestResult> {
  if (!canIngestEvents(actor)) throw forbidden("Only an API key can send events");
  if (calls.length === 0) return { touchpoints: 0, duplicates: 0, merges: [], customersCreated: 0 };
  const ingested = await withRetry(() => db().transaction((tx) => ingestInTransaction(tx, actor, calls, options)));
  publishIngested(ingested);
  return ingested.result;
}

export type Ingested = { result: IngestResult; stored: Touchpoint[] };

/** Tells open pages what an ingest stored and merged. Call after its commit. */
export function publishIngested({ result, stored }: Ingested): void {
  for (const merge of result.merges) publish({ type: "customer.merged", survivorId: merge.survivorId, mergedId: merge.mergedId });
  publishTouchpoints(stored);
}

/** Raised when a concurrent writer changed identities or customers under us: the transaction is run again. */
class ResolutionRace extends Error {}

const retryableCodes = new Set(["40P01", "40001", "23505"]);

async function withRetry<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
    }
  }
}

function isRetryable(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current instanceof ResolutionRace) return true;
    if (retryableCodes.has((current as Error & { code?: string }).code ?? "")) return true;
  }
  return false;
}

type Plan = { call: IngestCall; keys: IdentityKey[]; node: string };

/**
 * The ingest itself in the caller's transaction, for a caller that has checked who may
 * send (the CSV import job, for the admin who started it) and writes more alongside.
 * A serialization failure or deadlock is the caller's to retry.
 */
export async function ingestInTransaction(tx: Transaction, actor: Actor, calls: IngestCall[], options: IngestOptions): Promise<Ingested> {
  const plans: Plan[] = calls.map((call) => ({ call, keys: identityKeysOf(call), node: "" }));
  // alias(previousId) names an id of either kind; it links whichever exists.
  const previousIds = calls.flatMap((call) =>
    call.type === "alias"
      ? [
          { kind: "external_id" as const, value: call.previousId },
          { kind: "anonymous_id" as const, value: call.previousId },
        ]
      : [],
  );
  const allKeys = [...plans.flatMap((plan) => plan.keys), ...previousIds];
  // Advisory locks serialise only what can create or move identities: keys nobody owns
  // yet, and every key of a call that may merge (an alias, or keys of two customers).
  // Calls about known customers, the bulk of the traffic, take none and never wait on
  // each other; the KEY SHARE lock on their customers still waits for a merge in flight.
  const owners = await identityOwners(tx, allKeys);
  const locked = keysNeedingLocks(plans, previousIds, owners);
  if (locked.length > 0) await lockIdentities(tx, locked);
  // Without locked keys no call merges, so whether a customer is known never matters.
  const existing = locked.length > 0 ? await lockCustomersOf(tx, await identityOwners(tx, allKeys), true) : await lockCustomersOf(tx, owners, false);
  const graph = new CustomerGraph(existing.customers);
  const owner = new Map<string, string>(existing.owners);
  const newIdentities: { key: IdentityKey; node: string }[] = [];

  for (const plan of plans) {
    const keys = [...plan.keys];
    if (plan.call.type === "alias") {
      const found = previousIdKeys(plan.call.previousId).filter((key) => owner.has(identityKeyString(key)));
      keys.push(...(found.length > 0 ? found : [{ kind: "anonymous_id" as const, value: plan.call.previousId }]));
    }
    const reason = plan.call.type === "alias" ? "alias" : "identify";
    let node: string | null = null;
    for (const key of keys) {
      const known = owner.get(identityKeyString(key));
      if (known) node = node ? graph.union(node, known, reason) : graph.find(known);
    }
    node ??= graph.create();
    for (const key of keys) {
      const id = identityKeyString(key);
      if (!owner.has(id)) {
        owner.set(id, node);
        newIdentities.push({ key, node });
      }
    }
    plan.node = node;
  }

  const merges: MergeResult[] = [];
  for (const merge of graph.merges) {
    merges.push(await mergeCustomersInTransaction(tx, actor, merge));
  }

  const customerOf = (node: string) => graph.find(node);
  const created = [...new Set(plans.map((plan) => customerOf(plan.node)))].filter((id) => graph.isNew(id));
  if (created.length > 0) {
    await tx.execute(sql`insert into customers (id) select unnest(${sql.param(created)}::uuid[])`);
  }
  if (newIdentities.length > 0) {
    const inserted = await tx.execute(sql`
      insert into customer_identities (customer_id, kind, value)
      select * from unnest(${sql.param(newIdentities.map((i) => customerOf(i.node)))}::uuid[],
        ${sql.param(newIdentities.map((i) => i.key.kind))}::identity_kind[], ${sql.param(newIdentities.map((i) => i.key.value))}::text[])
      on conflict do nothing
      returning id`);
    // Only a writer that skipped the identity locks can have claimed one meanwhile.
    if (inserted.length !== newIdentities.length) throw new ResolutionRace("an identity was claimed concurrently");
  }

  await applyTraits(tx, plans.map((plan) => ({ call: plan.call, customerId: customerOf(plan.node) })));

  const records: TouchpointRecord[] = [];
  for (const plan of plans) {
    const { call } = plan;
    if (call.type !== "track" && call.type !== "page" && call.type !== "screen") continue;
    records.push({
      customerId: customerOf(plan.node),
      call: call.type,
      name: call.type === "track" ? call.event : (call.name ?? null),
      properties: {
        ...(call.properties ?? {}),
        ...(call.type !== "track" && call.category ? { category: call.category } : {}),
      },
      context: { ...(options.context ?? {}), ...(call.context ?? {}) },
      source: options.source ?? segmentSource,
      occurredAt: occurredAt(call, options),
      receivedAt: options.receivedAt,
      messageId: call.messageId ?? null,
      userId: call.userId ?? null,
      anonymousId: call.anonymousId ?? null,
    });
  }
  const stored = await recordTouchpoints(tx, records);
  return { stored, result: { touchpoints: stored.length, duplicates: records.length - stored.length, merges, customersCreated: created.length } };
}

const email = z.email();

/** The identities a call names: userId, anonymousId, and an identify's email and phone traits. */
export function identityKeysOf(call: IngestCall): IdentityKey[] {
  const keys: IdentityKey[] = [...(call.identities ?? [])];
  if (call.userId) keys.push({ kind: "external_id", value: call.userId });
  if (call.anonymousId) keys.push({ kind: "anonymous_id", value: call.anonymousId });
  if (call.type === "identify" && call.traits) {
    const address = typeof call.traits.email === "string" ? normalizeEmail(call.traits.email) : null;
    if (address && email.safeParse(address).success) keys.push({ kind: "email", value: address });
    // E.164, as every channel stores phone identities, so a caller finds the same customer.
    const phone = typeof call.traits.phone === "string" ? normalizePhoneNumber(call.traits.phone) : null;
    if (phone) keys.push({ kind: "phone", value: phone });
  }
  return keys;
}

function previousIdKeys(previousId: string): IdentityKey[] {
  return [
    { kind: "external_id", value: previousId },
    { kind: "anonymous_id", value: previousId },
  ];
}

/**
 * Segment's timestamps: with a sentAt, the sender's clock is corrected by the time the
 * call took to arrive (timestamp = receivedAt − (sentAt − timestamp)); without one, the
 * timestamp is kept as sent, which is how historic imports keep their time.
 */
export function occurredAt(
  call: Pick<SegmentCall, "timestamp" | "originalTimestamp" | "sentAt">,
  options: Pick<IngestOptions, "receivedAt" | "sentAt">,
): Date {
  const sentAt = call.sentAt ?? options.sentAt ?? null;
  const original = call.originalTimestamp ?? call.timestamp ?? null;
  if (original && sentAt) return new Date(options.receivedAt.getTime() - (sentAt.getTime() - original.getTime()));
  return call.timestamp ?? original ?? options.receivedAt;
}

type ExistingCustomer = { id: string; createdAt: string; known: boolean };

/** Who owns each of these identities now, by identityKeyString. */
async function identityOwners(tx: Transaction, keys: IdentityKey[]): Promise<Map<string, string>> {
  const unique = [...new Map(keys.map((key) => [identityKeyString(key), key])).values()];
  if (unique.length === 0) return new Map();
  const rows = await tx.execute<{ kind: string; value: string; customer_id: string }>(sql`
    select ci.kind, ci.value, ci.customer_id from customer_identities ci
    join unnest(${sql.param(unique.map((k) => k.kind))}::identity_kind[], ${sql.param(unique.map((k) => k.value))}::text[]) as k(kind, value)
      on ci.kind = k.kind and ci.value = k.value`);
  return new Map([...rows].map((row) => [`${row.kind}:${row.value}`, row.customer_id]));
}

/** The keys whose calls may create an identity or merge customers. */
function keysNeedingLocks(plans: Plan[], previousIds: IdentityKey[], owners: Map<string, string>): IdentityKey[] {
  const keys: IdentityKey[] = [...previousIds];
  for (const plan of plans) {
    const found = plan.keys.map((key) => owners.get(identityKeyString(key)));
    const merges = new Set(found.filter(Boolean)).size > 1;
    if (plan.call.type === "alias" || merges || found.some((owner) => !owner)) keys.push(...plan.keys);
  }
  return keys;
}

async function lockCustomersOf(tx: Transaction, owners: Map<string, string>, mayMerge: boolean) {
  const ids = [...new Set(owners.values())];
  const customers = new Map<string, ExistingCustomer>();
  if (ids.length > 0) {
    // KEY SHARE waits for a merge of these customers in flight, and then shows it.
    const locked = await tx.execute<{ id: string; created_at: string; merged_into_id: string | null; known: boolean | null }>(sql`
      select c.id, c.created_at::text, c.merged_into_id,
        ${mayMerge ? sql`exists (select 1 from customer_identities x where x.customer_id = c.id and x.kind <> 'anonymous_id')` : sql`null`} as known
      from customers c where c.id = any(${sql.param(ids)}::uuid[])
      for key share of c`);
    for (const row of locked) {
      if (row.merged_into_id) throw new ResolutionRace("a customer was merged concurrently");
      customers.set(row.id, { id: row.id, createdAt: row.created_at, known: Boolean(row.known) });
    }
    if (customers.size !== ids.length) throw new ResolutionRace("a customer disappeared concurrently");
  }
  return { owners: [...owners], customers };
}

/**
 * Customers as a union-find while a batch is resolved: a call naming identities of two
 * customers joins them. New customers (made by this batch) simply fold into the other;
 * two existing ones become a merge, where a known customer (one with any id besides an
 * anonymous one) survives an anonymous visitor, and otherwise the older one survives.
 */
class CustomerGraph {
  private parent = new Map<string, string>();
  private created = new Set<string>();
  readonly merges: { survivorId: string; mergedId: string; reason: "identify" | "alias" }[] = [];

  constructor(private existing: Map<string, ExistingCustomer>) {}

  create(): string {
    const id = randomUUID();
    this.created.add(id);
    return id;
  }

  isNew(id: string): boolean {
    return this.created.has(id);
  }

  find(id: string): string {
    let root = id;
    while (this.parent.has(root)) root = this.parent.get(root)!;
    return root;
  }

  union(a: string, b: string, reason: "identify" | "alias"): string {
    const [x, y] = [this.find(a), this.find(b)];
    if (x === y) return x;
    if (this.created.has(y)) return this.join(y, x);
    if (this.created.has(x)) return this.join(x, y);
    const [survivor, merged] = this.survivorFirst(this.existing.get(x)!, this.existing.get(y)!);
    this.merges.push({ survivorId: survivor.id, mergedId: merged.id, reason });
    return this.join(merged.id, survivor.id);
  }

  private join(from: string, into: string): string {
    this.parent.set(from, into);
    return into;
  }

  private survivorFirst(a: ExistingCustomer, b: ExistingCustomer): [ExistingCustomer, ExistingCustomer] {
    if (a.known !== b.known) return a.known ? [a, b] : [b, a];
    if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? [a, b] : [b, a];
    return a.id < b.id ? [a, b] : [b, a];
  }
}

/** identify() traits, newest call last: values win key by key, except nulls; name, email and phone follow. */
async function applyTraits(tx: Transaction, calls: { call: SegmentCall; customerId: string }[]) {
  const byCustomer = new Map<string, { traits: Traits; name: string | null; email: string | null; phone: string | null }>();
  const groupCalls: { groupId: string; traits: Traits; customerId: string }[] = [];
  for (const { call, customerId } of calls) {
    if (call.type === "group") groupCalls.push({ groupId: call.groupId, traits: call.traits ?? {}, customerId });
    if (call.type !== "identify" || !call.traits) continue;
    const entry = byCustomer.get(customerId) ?? { traits: {}, name: null, email: null, phone: null };
    for (const [key, value] of Object.entries(call.traits)) if (value !== null && value !== undefined) entry.traits[key] = value;
    entry.name = nameOf(call.traits) ?? entry.name;
    entry.email = identityKeysOf(call).find((key) => key.kind === "email")?.value ?? entry.email;
    entry.phone = identityKeysOf(call).find((key) => key.kind === "phone")?.value ?? entry.phone;
    byCustomer.set(customerId, entry);
  }

  if (byCustomer.size > 0) {
    const domains = [...byCustomer.values()].map((entry) => entry.email && companyDomainOf(entry.email));
    const companies = await companiesByDomain(tx, domains.filter((domain): domain is string => Boolean(domain)));
    const rows = [...byCustomer].map(([id, entry]) => ({
      id,
      traits: entry.traits,
      name: entry.name,
      email: entry.email,
      phone: entry.phone,
      company_id: entry.email ? (companies.get(companyDomainOf(entry.email) ?? "") ?? null) : null,
    }));
    await tx.execute(sql`
      update customers c set traits = c.traits || v.traits, name = coalesce(v.name, c.name),
        email = coalesce(v.email, c.email), phone = coalesce(v.phone, c.phone),
        company_id = coalesce(c.company_id, v.company_id), updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as v(id uuid, traits jsonb, name text, email text, phone text, company_id uuid)
      where c.id = v.id`);
  }

  if (groupCalls.length > 0) {
    const companies = await companiesByGroup(tx, groupCalls);
    const latest = new Map(groupCalls.map((group) => [group.customerId, companies.get(group.groupId)!]));
    await tx.execute(sql`
      update customers c set company_id = v.company_id, updated_at = now()
      from unnest(${sql.param([...latest.keys()])}::uuid[], ${sql.param([...latest.values()])}::uuid[]) as v(id, company_id)
      where c.id = v.id`);
  }
}

function nameOf(traits: Traits): string | null {
  const clean = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim().slice(0, 300) : null);
  return clean(traits.name) ?? ([clean(traits.firstName ?? traits.first_name), clean(traits.lastName ?? traits.last_name)].filter(Boolean).join(" ") || null);
}
