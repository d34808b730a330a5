import { createHash } from "node:crypto";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { WaitingLine } from "@/lib/db/bounded-wait";
import { db, inAmbientTransaction, poolSize, type Transaction } from "@/lib/db/client";
import { idempotencyKeys, type IdempotencyKey } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

// `Idempotency-Key` as Stripe and the IETF draft (draft-ietf-httpapi-idempotency-key-header)
// define it: a client that sends a create again with the same key — because the answer was
// lost to a timeout or a crash — gets the first answer back and nothing is created twice.

const retention = sql`interval '24 hours'`;
const maxKeyLength = 255;
const pruneEveryMs = 10 * 60 * 1000;

// Each idempotent request holds a pooled connection from its start (its transaction), even
// while it waits for a busy ticket: at most half the pool may, so the rest stays for others.
const idempotentRequests = WaitingLine.shared("idempotent requests", {
  concurrency: Math.max(1, Math.floor(poolSize / 2)),
  maxWaitMs: 10_000,
  busyMessage: "Too many requests at once; retry in a moment with the same Idempotency-Key",
});

export type IdempotentCall = {
  /** Who sent the key: keys are unique per caller, e.g. `api_key:<id>`. */
  scope: string;
  key: string;
  /** Identifies the request the key was first used for: see `requestFingerprint`. */
  fingerprint: string;
};

/** The request's Idempotency-Key, or null when it has none; a malformed key is a 400. */
export function idempotencyKeyOf(request: Request): string | null {
  const header = request.headers.get("idempotency-key");
  if (header === null) return null;
  // The IETF draft sends the key as a quoted structured-field string, Stripe bare: take both.
  const key = /^"(.*)"$/.exec(header)?.[1] ?? header;
  if (key.length === 0 || key.length > maxKeyLength || !/^[\x21-\x7e]+$/.test(key)) {
    throw new AppError(
      "bad_request",
      `Idempotency-Key must be 1 to ${maxKeyLength} visible ASCII characters, e.g. a UUID`,
    );
  }
  return key;
}

/**
 * Method, path with query, and the JSON body with its keys sorted: a client that
 * re-serializes the same body in another key order still sends the same request.
 */
export function requestFingerprint(request: Request, body: unknown): string {
  const url = new URL(request.url);
  return createHash("sha256")
    .update(`${request.method} ${url.pathname}${url.search}\n${canonicalJson(body)}`)
    .digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * Runs `run` at most once per key, and answers a retry with the first response.
 *
 * The key's row is written in one transaction with everything `run` writes through
 * `db()`, so a process killed between commit and response leaves either both (the retry
 * gets the stored answer) or neither (the retry does the work). While the first request
 * runs it holds a transaction-scoped advisory lock on the key: a concurrent duplicate
 * gets 409 at once instead of waiting for, or repeating, the work.
 *
 * `run` may throw; `onError` turns that into the response. Refusals (4xx) are kept and
 * replayed like successes, since repeating the request would be refused the same way;
 * failures (5xx) and 429 are not, so a retry can succeed.
 */
export async function withIdempotency(
  call: IdempotentCall,
  run: () => Promise<Response>,
  onError: (error: unknown) => Response,
): Promise<Response> {
  pruneExpiredKeysNowAndThen();
  try {
    return await idempotentRequests.run("all", () =>
      inAmbientTransaction((tx) => runOnce(tx, call, run, onError)),
    );
  } catch (error) {
    if (error instanceof NotKept) return error.response;
    throw error;
  }
}

async function runOnce(
  tx: Transaction,
  call: IdempotentCall,
  run: () => Promise<Response>,
  onError: (error: unknown) => Response,
): Promise<Response> {
  const [lock] = await tx.execute<{ locked: boolean }>(
    sql`select pg_try_advisory_xact_lock(hashtext(${call.scope}), hashtext(${call.key})) as locked`,
  );
  if (!lock?.locked) {
    throw new AppError(
      "idempotency_key_in_use",
      "A request with this Idempotency-Key is still being processed; retry it once that one has answered",
    );
  }

  const [stored] = await tx
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.scope, call.scope),
        eq(idempotencyKeys.key, call.key),
        gt(idempotencyKeys.createdAt, sql`now() - ${retention}`),
      ),
    );
  if (stored) {
    if (stored.fingerprint !== call.fingerprint) {
      throw new AppError(
        "idempotency_key_reused",
        "This Idempotency-Key was already used for a different request (another path or body); send a new key for a new request",
      );
    }
    return replay(stored);
  }

  let response: Response;
  try {
    // A savepoint: a refusal undoes whatever the handler wrote before refusing.
    response = await tx.transaction(() => run());
  } catch (error) {
    response = onError(error);
  }
  if (response.status >= 500 || response.status === 429) throw new NotKept(response);

  const body = await response.text();
  const row = { ...call, status: response.status, body };
  await tx
    .insert(idempotencyKeys)
    .values(row)
    // A row still there is older than the retention: the key starts over.
    .onConflictDoUpdate({ target: [idempotencyKeys.scope, idempotencyKeys.key], set: { ...row, createdAt: sql`now()` } });
  return new Response(body, { status: response.status, headers: response.headers });
}

/** Thrown to roll the transaction back while still answering with the handler's response. */
class NotKept extends Error {
  constructor(readonly response: Response) {
    super("not kept");
  }
}

function replay(stored: IdempotencyKey): Response {
  return new Response(stored.body, {
    status: stored.status,
    headers: { "content-type": "application/json", "idempotent-replayed": "true" },
  });
}

let lastPrunedAt = 0;

// Expired keys are ignored when read; deleting them only keeps the table small, so it runs
// now and then in the background rather than on every request.
function pruneExpiredKeysNowAndThen(): void {
  if (Date.now() - lastPrunedAt < pruneEveryMs) return;
  lastPrunedAt = Date.now();
  db()
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - ${retention}`))
    .catch((error: unknown) => logger.warn("pruning expired idempotency keys failed", { error }));
}
