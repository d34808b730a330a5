import { createHash, randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { db } from "@/lib/db/client";
import { subscribe } from "@/lib/events/event-bus";
import { logger } from "@/lib/logger";
import { listEmailChannels, type EmailChannel } from "./email-channels";
import { startImapFetcher, type ImapFetcher, type ImapFetcherOptions } from "./imap-fetcher";

/**
 * Runs an IMAP fetcher for every active email channel that has a mailbox, beside the app
 * (server.ts). Channels created or changed are picked up at once on this node (the
 * channel.changed event) and by a look every `rescanSeconds` on the others.
 */
export function startImapFetchers(
  options: Omit<ImapFetcherOptions, "holder"> & { rescanSeconds?: number } = {},
): { stop: () => Promise<void> } {
  const holder = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const running = new Map<string, { fingerprint: string; fetcher: ImapFetcher }>();
  let stopped = false;
  let scanning: Promise<void> = Promise.resolve();

  const fingerprint = (channel: EmailChannel) =>
    createHash("sha256")
      .update(JSON.stringify([channel.active, channel.settings.imap ?? null, channel.sealedSecrets]))
      .digest("hex");

  async function scan(): Promise<void> {
    const wanted = new Map(
      (await listEmailChannels(db())).filter((c) => c.active && c.settings.imap && c.sealedSecrets).map((c) => [c.id, c]),
    );
    for (const [id, entry] of running) {
      const channel = wanted.get(id);
      if (channel && fingerprint(channel) === entry.fingerprint) continue;
      running.delete(id);
      await entry.fetcher.stop();
    }
    for (const [id, channel] of wanted) {
      if (stopped || running.has(id)) continue;
      try {
        running.set(id, { fingerprint: fingerprint(channel), fetcher: startImapFetcher(channel, { ...options, holder }) });
      } catch (error) {
        logger.error("IMAP fetcher could not start", { channelId: id, error });
      }
    }
  }

  const rescan = () => {
    scanning = scanning.then(() => (stopped ? undefined : scan())).catch((error: unknown) => logger.error("IMAP channel scan failed", { error }));
    return scanning;
  };
  void rescan();
  const timer = setInterval(rescan, (options.rescanSeconds ?? 60) * 1000);
  timer.unref();
  const unsubscribe = subscribe((event) => {
    if (event.type === "channel.changed") void rescan();
  });

  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      await scanning;
      await Promise.all([...running.values()].map(({ fetcher }) => fetcher.stop()));
      running.clear();
    },
  };
}
