import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { sessions, users, type User } from "@/lib/db/schema";

/** A session lasts this long from sign-in, however active; then its owner signs in again. */
export const sessionMaxAgeSeconds = 30 * 24 * 60 * 60;

const stillValid = sql`now() - make_interval(secs => ${sessionMaxAgeSeconds})`;

/** Opens a session for someone who just proved who they are; returns its id for the cookie. */
export async function startSession(q: Queryable, userId: string): Promise<string> {
  const [session] = await q.insert(sessions).values({ userId }).returning({ id: sessions.id });
  return session!.id;
}

/** The active person behind a session cookie, or null once the session ended, expired or its owner was deactivated. */
export async function findSessionUser(q: Queryable, cookie: { userId: string; sessionId: string }): Promise<User | null> {
  const [row] = await q
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, cookie.sessionId),
        eq(sessions.userId, cookie.userId),
        isNull(sessions.endedAt),
        gt(sessions.createdAt, stillValid),
        eq(users.active, true),
      ),
    )
    .limit(1);
  return row?.user ?? null;
}

/** Ends one session (signing out). */
export async function endSession(q: Queryable, sessionId: string): Promise<void> {
  await q
    .update(sessions)
    .set({ endedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

/** Ends every open session of a person, but the one given (the session that changed the password, say). */
export async function endSessionsOf(q: Queryable, userId: string, options: { except?: string } = {}): Promise<void> {
  await q
    .update(sessions)
    .set({ endedAt: sql`now()` })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        options.except ? ne(sessions.id, options.except) : undefined,
      ),
    );
}

/** Forgets sessions that can no longer be used; run by the pruning job. */
export async function pruneSessions(q: Queryable): Promise<number> {
  const pruned = await q
    .delete(sessions)
    .where(sql`${sessions.endedAt} < now() - interval '1 day' or ${sessions.createdAt} < ${stillValid}`)
    .returning({ id: sessions.id });
  return pruned.length;
}
