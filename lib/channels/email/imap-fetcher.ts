import { ImapFlow, type FetchMessageObject } from "imapflow";
import { logger } from "@/lib/logger";
import { openSecrets } from "../secret-box";
import type { EmailChannelSecrets } from "./email-channel-config";
import type { EmailChannel } from "./email-channels";
import { maxMessageBytes } from "./email-limits";
import {
  loadImapMailboxState,
  recordImapHealth,
  recordImapProgress,
  releaseImapLease,
  restartImapUids,
  takeImapLease,
} from "./imap-mailbox-state";
import { acceptEmail, processInboundEmail } from "./receive-email";

export type ImapFetcherOptions = {
  /** Names this process in the mailbox's lease. */
  holder: string;
  /** Fetch at least this often, even when IDLE reports nothing (and on servers without IDLE). */
  pollSeconds?: number;
  /** Reconnect delays double from the first to the last, with jitter. */
  reconnectDelayMs?: { first: number; max: number };
  /** A new mailbox is read back this far; older mail stays where it is. */
  backfillDays?: number;
  /** Told after each pass over the mailbox, with the UIDs it downloaded (tests). */
  onFetched?: (uids: number[]) => void;
};

export type ImapFetcher = { stop: () => Promise<void> };

type Session = { client: ImapFlow; closed: boolean };

/**
 * Keeps one email channel's IMAP mailbox fetched: connects, takes in every mail after the
 * last UID it recorded (or, for a new mailbox or a new UIDVALIDITY, the recent ones, the
 * (channel, Message-ID) key dropping any it already had), then waits on IDLE for more.
 * A lost connection is retried with a growing delay; each state and failure is recorded
 * as the channel's health. The mailbox is opened read-only: mail stays there, unflagged.
 */
export function startImapFetcher(channel: EmailChannel, options: ImapFetcherOptions): ImapFetcher {
  const imap = channel.settings.imap;
  if (!imap || !channel.sealedSecrets) throw new Error(`Channel ${channel.id} has no IMAP mailbox`);
  const password = openSecrets<EmailChannelSecrets>(channel.sealedSecrets).imapPassword ?? "";
  const pollMs = (options.pollSeconds ?? 60) * 1000;
  const leaseSeconds = Math.max(30, Math.ceil((pollMs / 1000) * 3));
  const delays = options.reconnectDelayMs ?? { first: 1000, max: 5 * 60_000 };
  const backfillMs = (options.backfillDays ?? 7) * 86_400_000;

  let stopped = false;
  let session: Session | null = null;
  let wake: (() => void) | null = null;
  // New mail announced while a fetch runs must not wait for the next poll.
  let nudged = false;
  const nudge = () => {
    nudged = true;
    wake?.();
  };
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      if (nudged || stopped) return resolve(void (nudged = false));
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        nudged = false;
        resolve();
      }
      wake = done;
    });

  async function connect(): Promise<Session> {
    const client = new ImapFlow({
      host: imap!.host,
      port: imap!.port,
      secure: imap!.tls,
      auth: { user: imap!.user, pass: password },
      logger: false,
      connectionTimeout: 30_000,
      greetingTimeout: 15_000,
      // IDLE is restarted now and then (some servers drop a long one), so a connection
      // silent for much longer than that is dead even if TCP has not noticed.
      maxIdleTime: Math.min(pollMs, 5 * 60_000),
      socketTimeout: Math.max(90_000, 3 * Math.min(pollMs, 5 * 60_000)),
    });
    const current: Session = { client, closed: false };
    // Without a listener an 'error' event would end the process; the failure surfaces as
    // a rejected command or the 'close' below.
    client.on("error", (error: Error) => logger.warn("IMAP connection error", { channelId: channel.id, error: error.message }));
    client.on("close", () => {
      current.closed = true;
      nudge();
    });
    client.on("exists", nudge);
    await client.connect();
    await client.mailboxOpen(imap!.mailbox, { readOnly: true });
    return current;
  }

  /** Takes in what the mailbox holds beyond what was taken before. */
  async function fetchNew(client: ImapFlow): Promise<number[]> {
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error("No mailbox is open");
    const uidValidity = Number(mailbox.uidValidity);
    const state = await loadImapMailboxState(channel.id);
    let since: Date | null = null;
    let after = state?.lastUid ?? 0;
    if (state?.uidValidity !== uidValidity) {
      // A first fetch, or the server renumbered the mailbox: read back from a little before
      // the last fetch (or the backfill window); mail taken before is recognised by its key.
      if (state?.uidValidity != null) logger.warn("IMAP UIDVALIDITY changed; fetching recent mail again", { channelId: channel.id });
      since = new Date((state?.lastFetchAt?.getTime() ?? Date.now()) - (state?.lastFetchAt ? 86_400_000 : backfillMs));
      after = 0;
      await restartImapUids(channel.id, uidValidity);
    }
    const found = since ? await client.search({ since }, { uid: true }) : await client.search({ uid: `${after + 1}:*` }, { uid: true });
    // `n:*` names the last message even when every UID is below n.
    const uids = (found || []).filter((uid) => uid > after).sort((a, b) => a - b);
    const taken: number[] = [];
    for (const uid of uids) {
      if (stopped || session?.closed) break;
      await takeOne(client, uid);
      taken.push(uid);
    }
    return taken;
  }

  async function takeOne(client: ImapFlow, uid: number): Promise<void> {
    const head = await client.fetchOne(String(uid), { uid: true, size: true }, { uid: true });
    if (head && (head.size ?? 0) > maxMessageBytes) {
      logger.warn("IMAP message over the size limit left in the mailbox", { channelId: channel.id, uid, size: head.size });
      await recordImapProgress(channel.id, uid, 0);
      return;
    }
    const message: FetchMessageObject | false = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    if (!message || !message.source) {
      // Expunged between the search and the fetch: nothing to take.
      await recordImapProgress(channel.id, uid, 0);
      return;
    }
    const { inbound, duplicate } = await acceptEmail(channel, message.source, { from: null, to: [] }, "imap");
    // Stored and recorded: from here the inbound sweep finishes it if processing fails.
    await recordImapProgress(channel.id, uid, duplicate ? 0 : 1);
    if (!duplicate || inbound.status === "received") {
      await processInboundEmail(channel, inbound, message.source).catch((error: unknown) =>
        logger.error("IMAP mail processing failed; the sweep will retry it", { inboundId: inbound.id, error }),
      );
    }
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (!stopped) {
      let connected = false;
      try {
        if (!(await takeImapLease(channel.id, options.holder, leaseSeconds))) {
          // Another node fetches this mailbox; look again when its lease may have run out.
          await nap(pollMs);
          continue;
        }
        // While retrying after a failure the health keeps showing that failure.
        if (failures === 0) await recordImapHealth(channel.id, { state: "connecting" });
        session = await connect();
        connected = true;
        while (!stopped && !session.closed) {
          if (!(await takeImapLease(channel.id, options.holder, leaseSeconds))) break;
          await recordImapHealth(channel.id, { state: "syncing" });
          const uids = await fetchNew(session.client);
          if (session.closed) break;
          await recordImapHealth(channel.id, { state: "idle", fetched: true });
          failures = 0;
          options.onFetched?.(uids);
          // imapflow keeps the connection in IDLE meanwhile; new mail ('exists') wakes us.
          await nap(pollMs);
        }
        if (!stopped && session.closed) throw new Error("The IMAP server closed the connection");
      } catch (error) {
        if (stopped) break;
        failures = connected ? 1 : failures + 1;
        const reason = describeImapError(error);
        logger.warn("IMAP fetch failed; retrying", { channelId: channel.id, reason, failures });
        await recordImapHealth(channel.id, { state: "error", error: reason }).catch(() => {});
      } finally {
        const ending = session;
        session = null;
        nudged = false;
        if (ending && !ending.closed) await ending.client.logout().catch(() => ending.client.close());
      }
      if (stopped) break;
      const delay = Math.min(delays.max, delays.first * 2 ** Math.max(0, failures - 1));
      await nap(delay / 2 + Math.random() * (delay / 2));
    }
  }

  const running = run();
  return {
    stop: async () => {
      stopped = true;
      wake?.();
      session?.client.close();
      await running;
      await releaseImapLease(channel.id, options.holder).catch(() => {});
      await recordImapHealth(channel.id, { state: "stopped" }).catch(() => {});
    },
  };
}

/** What to show an admin: the server's own words when it gave any, never the password. */
function describeImapError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = error as Error & { code?: string; responseText?: string; authenticationFailed?: boolean };
  if (details.authenticationFailed) return `Sign-in refused by the IMAP server${details.responseText ? `: ${details.responseText}` : ""}`;
  if (details.responseText) return details.responseText;
  return details.code && !error.message.includes(details.code) ? `${error.message} (${details.code})` : error.message;
}
