import { and, count, eq } from "drizzle-orm";
import { ImapFlow } from "imapflow";
import MailComposer from "nodemailer/lib/mail-composer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { channels, inboundEmails, tickets } from "@/lib/db/schema";
import { startDovecot, type Dovecot } from "@/lib/testing/dovecot";
import { createTestApiKey, uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";
import { createChannelInput } from "../channel.validation";
import { createChannel } from "../create-channel";
import { openSecrets } from "../secret-box";
import type { EmailChannel } from "./email-channels";
import { startImapFetcher, type ImapFetcher } from "./imap-fetcher";
import { loadImapMailboxState } from "./imap-mailbox-state";
import { parseEmail } from "./parse-email";

// A real IMAP server (dovecot, started here as a throwaway instance) and the fetcher as
// server.ts runs it: mail put in the mailbox with IMAP APPEND becomes tickets, a restart
// resumes after the last UID, mail that arrived while stopped is backfilled, a renumbered
// mailbox (new UIDVALIDITY) imports nothing twice, and a dead server shows in the health
// and is recovered from.

let dovecot: Dovecot;
const fetchers: ImapFetcher[] = [];

beforeAll(async () => {
  await parseEmail(Buffer.from("Subject: warm-up\r\n\r\nx"));
  dovecot = await startDovecot();
}, 60_000);

afterAll(async () => {
  await Promise.all(fetchers.map((fetcher) => fetcher.stop()));
  await dovecot?.dispose();
});

async function imapChannel(mailbox: string): Promise<EmailChannel> {
  const { actor } = await createTestApiKey({ name: "imap" });
  const view = await createChannel(
    actor,
    createChannelInput.parse({
      kind: "email",
      name: "Mailbox",
      address: uniqueEmail("imap-support"),
      imap: { host: dovecot.host, port: dovecot.port, tls: false, user: dovecot.user, password: dovecot.password, mailbox },
    }),
  );
  const [channel] = await db().select().from(channels).where(eq(channels.id, view.id));
  return channel as EmailChannel;
}

async function withMailbox<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

async function mail(subject: string, messageId = `<${uniqueSuffix()}@customer.example>`): Promise<Buffer> {
  return new MailComposer({ from: uniqueEmail("imap-customer"), to: "support@imap.touchbase.test", subject, text: `About ${subject}`, messageId })
    .compile()
    .build();
}

async function append(mailbox: string, ...raws: Buffer[]): Promise<void> {
  await withMailbox(async (client) => {
    for (const raw of raws) await client.append(mailbox, raw);
  });
}

function start(channel: EmailChannel, fetched: number[][] = []): ImapFetcher {
  const fetcher = startImapFetcher(channel, {
    holder: `test-${uniqueSuffix()}`,
    pollSeconds: 2,
    reconnectDelayMs: { first: 100, max: 400 },
    onFetched: (uids) => fetched.push(uids),
  });
  fetchers.push(fetcher);
  return {
    stop: async () => {
      fetchers.splice(fetchers.indexOf(fetcher), 1);
      await fetcher.stop();
    },
  };
}

async function eventually<T>(read: () => Promise<T | undefined | null | false>, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function ticketSubjects(channelId: string): Promise<string[]> {
  const rows = await db()
    .select({ subject: tickets.subject })
    .from(inboundEmails)
    .innerJoin(tickets, eq(tickets.id, inboundEmails.ticketId))
    .where(and(eq(inboundEmails.channelId, channelId), eq(inboundEmails.status, "ticket")));
  return rows.map((row) => row.subject).sort();
}

async function inboundCount(channelId: string): Promise<number> {
  const [row] = await db().select({ value: count() }).from(inboundEmails).where(eq(inboundEmails.channelId, channelId));
  return row!.value;
}

describe("fetching a mailbox over IMAP", { timeout: 120_000 }, () => {
  it("keeps the password sealed, and turns appended mail into tickets as it arrives", async () => {
    const mailbox = `Support-${uniqueSuffix()}`;
    await withMailbox((client) => client.mailboxCreate(mailbox));
    const channel = await imapChannel(mailbox);
    expect(channel.settings.imap).toEqual({ host: dovecot.host, port: dovecot.port, tls: false, user: dovecot.user, mailbox });
    expect(JSON.stringify(channel.settings)).not.toContain(dovecot.password);
    expect(openSecrets(channel.sealedSecrets!)).toEqual({ imapPassword: dovecot.password });

    const fetched: number[][] = [];
    start(channel, fetched);
    await eventually(async () => (await loadImapMailboxState(channel.id))?.state === "idle");
    await append(mailbox, await mail("First over IMAP"));
    expect(await eventually(async () => (await ticketSubjects(channel.id)).length === 1 && ticketSubjects(channel.id))).toEqual(["First over IMAP"]);
    const [inbound] = await db().select().from(inboundEmails).where(eq(inboundEmails.channelId, channel.id));
    expect(inbound?.source).toBe("imap");
  });

  it("resumes after the last UID on restart, backfills mail that came while stopped, and imports nothing twice", async () => {
    const mailbox = `Support-${uniqueSuffix()}`;
    await withMailbox((client) => client.mailboxCreate(mailbox));
    await append(mailbox, await mail("Before the channel existed"));
    const channel = await imapChannel(mailbox);

    const firstRun: number[][] = [];
    const first = start(channel, firstRun);
    await eventually(async () => (await ticketSubjects(channel.id)).length === 1);
    await first.stop();
    expect((await loadImapMailboxState(channel.id))?.state).toBe("stopped");

    await append(mailbox, await mail("While stopped 1"), await mail("While stopped 2"));
    const secondRun: number[][] = [];
    start(channel, secondRun);
    await eventually(async () => (await ticketSubjects(channel.id)).length === 3);
    await eventually(async () => secondRun.length > 0);
    // The restart downloaded only the two new mails, not the one taken before.
    expect(secondRun.flat()).toEqual([2, 3]);
    expect(await ticketSubjects(channel.id)).toEqual(["Before the channel existed", "While stopped 1", "While stopped 2"]);
    const state = await loadImapMailboxState(channel.id);
    expect(state).toMatchObject({ lastUid: 3, imported: 3, state: "idle" });
    expect(await inboundCount(channel.id)).toBe(3);
  });

  it("re-reads a renumbered mailbox (new UIDVALIDITY) without importing anything twice", async () => {
    const mailbox = `Support-${uniqueSuffix()}`;
    await withMailbox((client) => client.mailboxCreate(mailbox));
    const kept = [await mail("Kept across renumbering"), await mail("Also kept")];
    await append(mailbox, ...kept);
    const channel = await imapChannel(mailbox);
    const fetcher = start(channel);
    await eventually(async () => (await ticketSubjects(channel.id)).length === 2);
    const before = await loadImapMailboxState(channel.id);
    await fetcher.stop();

    // Deleting and re-creating the mailbox gives it a new UIDVALIDITY, as a server
    // migration or a rebuilt index does; the same mails come back under new UIDs.
    await withMailbox(async (client) => {
      await client.mailboxDelete(mailbox);
      await client.mailboxCreate(mailbox);
    });
    await append(mailbox, ...kept, await mail("New after renumbering"));
    const renumbered: number[][] = [];
    start(channel, renumbered);
    await eventually(async () => (await ticketSubjects(channel.id)).length === 3);
    await eventually(async () => renumbered.length > 0);
    const after = await loadImapMailboxState(channel.id);
    expect(after?.uidValidity).not.toBe(before?.uidValidity);
    expect(renumbered.flat()).toEqual([1, 2, 3]);
    expect(await ticketSubjects(channel.id)).toEqual(["Also kept", "Kept across renumbering", "New after renumbering"]);
    // The two it had were recognised by their Message-ID: three inbound mails, not five.
    expect(await inboundCount(channel.id)).toBe(3);
  });

  it("shows a dead server as an error in its health, and recovers when it is back", async () => {
    const mailbox = `Support-${uniqueSuffix()}`;
    await withMailbox((client) => client.mailboxCreate(mailbox));
    const channel = await imapChannel(mailbox);
    start(channel);
    await eventually(async () => (await loadImapMailboxState(channel.id))?.state === "idle");

    await dovecot.stop();
    const failing = await eventually(async () => {
      const state = await loadImapMailboxState(channel.id);
      return state?.state === "error" && state;
    });
    expect(failing.lastError).toBeTruthy();
    expect(failing.lastErrorAt).toBeInstanceOf(Date);

    await dovecot.start();
    await append(mailbox, await mail("After the outage"));
    await eventually(async () => (await ticketSubjects(channel.id)).length === 1);
    const recovered = await eventually(async () => {
      const state = await loadImapMailboxState(channel.id);
      return state?.state === "idle" && state.lastFetchAt! > state.lastErrorAt! && state;
    });
    // The last error stays on record, older than the fetch that followed it.
    expect(recovered.lastError).toBeTruthy();
  });

  it("records a refused sign-in as the channel's error", async () => {
    const { actor } = await createTestApiKey({ name: "imap" });
    const view = await createChannel(
      actor,
      createChannelInput.parse({
        kind: "email",
        name: "Wrong password",
        address: uniqueEmail("imap-wrong"),
        imap: { host: dovecot.host, port: dovecot.port, tls: "off", user: dovecot.user, password: "not-the-password" },
      }),
    );
    const [channel] = await db().select().from(channels).where(eq(channels.id, view.id));
    start(channel as EmailChannel);
    const state = await eventually(async () => {
      const row = await loadImapMailboxState(view.id);
      return row?.state === "error" && row;
    });
    expect(state.lastError).toMatch(/sign-in refused|authentication/i);
    expect(state.lastError).not.toContain("not-the-password");
  });
});
