import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { imapMailboxStates, type ImapConnectionState, type ImapMailboxState } from "@/lib/db/schema";
import { publish } from "@/lib/events/event-bus";

/** An IMAP-fetching channel's health as Settings shows it. */
export type ImapHealth = {
  state: ImapConnectionState;
  lastFetchAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  imported: number;
};

export function toImapHealth(row: ImapMailboxState): ImapHealth {
  return {
    state: row.state,
    lastFetchAt: row.lastFetchAt?.toISOString() ?? null,
    lastError: row.lastError,
    lastErrorAt: row.lastErrorAt?.toISOString() ?? null,
    imported: row.imported,
  };
}

export async function listImapHealth(q: Queryable): Promise<Record<string, ImapHealth>> {
  const rows = await q.select().from(imapMailboxStates);
  return Object.fromEntries(rows.map((row) => [row.channelId, toImapHealth(row)]));
}

export async function loadImapMailboxState(channelId: string): Promise<ImapMailboxState | undefined> {
  const [row] = await db().select().from(imapMailboxStates).where(eq(imapMailboxStates.channelId, channelId));
  return row;
}

/**
 * Takes or renews this node's lease on the mailbox: one node fetches a mailbox at a time,
 * and another takes over only once a lease has run out (its holder stopped or hung).
 */
export async function takeImapLease(channelId: string, holder: string, seconds: number): Promise<boolean> {
  await db().insert(imapMailboxStates).values({ channelId }).onConflictDoNothing();
  const taken = await db()
    .update(imapMailboxStates)
    .set({ leaseHolder: holder, leaseUntil: sql`now() + make_interval(secs => ${seconds})` })
    .where(
      and(
        eq(imapMailboxStates.channelId, channelId),
        or(isNull(imapMailboxStates.leaseHolder), eq(imapMailboxStates.leaseHolder, holder), lt(imapMailboxStates.leaseUntil, sql`now()`)),
      ),
    )
    .returning({ channelId: imapMailboxStates.channelId });
  return taken.length > 0;
}

export async function releaseImapLease(channelId: string, holder: string): Promise<void> {
  await db()
    .update(imapMailboxStates)
    .set({ leaseHolder: null, leaseUntil: null })
    .where(and(eq(imapMailboxStates.channelId, channelId), eq(imapMailboxStates.leaseHolder, holder)));
}

/** A new UIDVALIDITY: the UIDs remembered so far mean nothing any more. */
export async function restartImapUids(channelId: string, uidValidity: number): Promise<void> {
  await db().update(imapMailboxStates).set({ uidValidity, lastUid: 0 }).where(eq(imapMailboxStates.channelId, channelId));
}

/** Everything up to `lastUid` is taken in: a restart resumes after it. */
export async function recordImapProgress(channelId: string, lastUid: number, imported: number): Promise<void> {
  await db()
    .update(imapMailboxStates)
    .set({ lastUid: sql`greatest(${imapMailboxStates.lastUid}, ${lastUid})`, imported: sql`${imapMailboxStates.imported} + ${imported}` })
    .where(eq(imapMailboxStates.channelId, channelId));
}

type HealthChange =
  | { state: "connecting" | "syncing" | "stopped" }
  | { state: "idle"; fetched: true }
  | { state: "error"; error: string };

/** Records the connection's state and tells open Settings pages. */
export async function recordImapHealth(channelId: string, change: HealthChange): Promise<void> {
  const [row] = await db()
    .update(imapMailboxStates)
    .set({
      state: change.state,
      ...(change.state === "idle" ? { lastFetchAt: sql`now()` } : {}),
      ...(change.state === "error" ? { lastError: change.error.slice(0, 500), lastErrorAt: sql`now()` } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(imapMailboxStates.channelId, channelId))
    .returning();
  if (row) publish({ type: "channel.health", channelId, health: toImapHealth(row) });
}
