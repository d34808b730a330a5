import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { inboxCounts, tickets } from "@/lib/db/schema";
import { ticketConditions, type TicketListFilter } from "./ticket-queries";

/** Open tickets per sidebar view, from the counters the tickets trigger keeps (no scan of tickets). */
export type InboxCounts = {
  allOpen: number;
  mine: number;
  unassigned: number;
  byChannel: Record<string, number>;
  byTeam: Record<string, number>;
  /** The tags with the most open tickets, most first. */
  topTags: { tag: string; count: number }[];
};

export const sidebarTagLimit = 20;

export async function readInboxCounts(q: Queryable, userId: string): Promise<InboxCounts> {
  const rows = await q
    .select({ dimension: inboxCounts.dimension, key: inboxCounts.key, count: inboxCounts.count })
    .from(inboxCounts)
    .where(
      sql`(${inboxCounts.dimension} in ('open', 'channel', 'team') or (${inboxCounts.dimension} = 'assignee' and ${inboxCounts.key} in (${userId}, 'none')))`,
    );
  const topTags = await q
    .select({ tag: inboxCounts.key, count: inboxCounts.count })
    .from(inboxCounts)
    .where(and(eq(inboxCounts.dimension, "tag"), gt(inboxCounts.count, 0)))
    .orderBy(desc(inboxCounts.count), inboxCounts.key)
    .limit(sidebarTagLimit);
  const of = (dimension: string, key: string) => rows.find((row) => row.dimension === dimension && row.key === key)?.count ?? 0;
  const byDimension = (dimension: string) =>
    Object.fromEntries(rows.filter((row) => row.dimension === dimension).map((row) => [row.key, row.count]));
  return {
    allOpen: of("open", ""),
    mine: of("assignee", userId),
    unassigned: of("assignee", "none"),
    byChannel: byDimension("channel"),
    byTeam: byDimension("team"),
    topTags,
  };
}

/**
 * How many tickets a filter the counters do not cover matches (a saved view, Call back),
 * counted up to `cap`: the count reads at most `cap` index entries, never millions, and
 * the sidebar shows "999+" beyond.
 */
export async function boundedCount(q: Queryable, filter: Omit<TicketListFilter, "limit" | "cursor" | "sort">, cap = 1000): Promise<number> {
  const matching = q
    .select({ one: sql`1` })
    .from(tickets)
    .where(and(...ticketConditions(filter)))
    .limit(cap)
    .as("matching");
  const [row] = await q.select({ count: sql<number>`count(*)::int` }).from(matching);
  return row?.count ?? 0;
}

/** Call back waits are few and have a partial index of their own. */
export function callBackCount(q: Queryable): Promise<number> {
  return boundedCount(q, { callBack: true, status: "open" });
}

