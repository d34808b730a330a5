import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getEnv, overrideEnvForTests } from "@/lib/env";
import { inboundEmails, messages, outboundEmails, tickets } from "@/lib/db/schema";
import { closeJobQueue, startJobQueue } from "@/lib/jobs/job-queue";
import { createTestApiKey, createTestEmailChannel, uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";
import { addMessage } from "@/lib/tickets/add-message";
import { parseEmail } from "./parse-email";
import { parseMime } from "./parse-mime";
import { sendEmailJob } from "./send-email-job";
import { startSmtpListener } from "./smtp-listener";
import { startSmtpSink, type SmtpSink } from "@/lib/testing/smtp-sink";

// Real mail both ways: nodemailer sends into our listener over SMTP, and our outgoing
// mail (a pg-boss job per mail) reaches a local SMTP sink. The sink's port is fixed so
// that SMTP_URL can point at it before the first mail is sent.
const sinkPort = 2617;
overrideEnvForTests({ SMTP_URL: `smtp://127.0.0.1:${sinkPort}` });

let listener: Awaited<ReturnType<typeof startSmtpListener>>;
let jobs: Awaited<ReturnType<typeof startJobQueue>>;

beforeAll(async () => {
  // The parser's worker threads start on first use; on a loaded machine that takes seconds.
  await parseEmail(Buffer.from("Subject: warm-up\r\n\r\nx"));
  listener = await startSmtpListener({ port: 0, host: "127.0.0.1", maxMessageBytes: 200 * 1024 });
  jobs = await startJobQueue(getEnv().DATABASE_URL!, [sendEmailJob], { pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await listener?.close();
  await jobs?.stop();
  await closeJobQueue();
});

const client = () =>
  nodemailer.createTransport({ host: "127.0.0.1", port: listener.port, secure: false, ignoreTLS: true, tls: { rejectUnauthorized: false } });

async function eventually<T>(read: () => Promise<T | undefined | null | false>, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("the SMTP listener", { timeout: 60_000 }, () => {
  it("accepts mail for a channel address and its plus-tags, and opens a ticket", async () => {
    const channel = await createTestEmailChannel();
    const messageId = `<${uniqueSuffix()}@customer.example>`;
    const info = await client().sendMail({
      from: uniqueEmail("smtp"),
      to: channel.settings.address.replace("@", "+anything@"),
      subject: "Over SMTP",
      text: "Sent with nodemailer.",
      messageId,
    });
    expect(info.accepted).toHaveLength(1);
    const inbound = await eventually(async () => {
      const [row] = await db().select().from(inboundEmails).where(eq(inboundEmails.channelId, channel.id));
      return row?.status === "ticket" && row;
    });
    const [ticket] = await db().select().from(tickets).where(eq(tickets.id, inbound.ticketId!));
    expect(ticket?.subject).toBe("Over SMTP");
  });

  it("refuses unknown recipients during RCPT with 550", async () => {
    const error = await client()
      .sendMail({ from: uniqueEmail("x"), to: `nobody-${uniqueSuffix()}@acme.test`, subject: "?", text: "?" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ responseCode: 550, command: "RCPT TO" });
  });

  it("refuses a message over the size limit during DATA with 552", async () => {
    const channel = await createTestEmailChannel();
    const error = await client()
      .sendMail({ from: uniqueEmail("big"), to: channel.settings.address, subject: "big", text: "x".repeat(300 * 1024) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ responseCode: 552 });
    expect(await db().select().from(inboundEmails).where(eq(inboundEmails.channelId, channel.id))).toHaveLength(0);
  });
});

describe("outgoing mail", () => {
  let sink: SmtpSink | undefined;
  afterAll(async () => sink?.close());

  it("is threaded, addressed with the reply token, quoted, and marked sent; a 5xx marks it failed", async () => {
    sink ??= await startSmtpSink(sinkPort, { rejectRecipients: /^reject-/ });
    const channel = await createTestEmailChannel({ signature: "Acme Support team" });
    const customer = uniqueEmail("reader");
    const customerMessageId = `${uniqueSuffix()}@customer.example`;
    await client().sendMail({
      from: `Reader <${customer}>`,
      to: channel.settings.address,
      subject: "Lost parcel",
      text: "Where is it?",
      messageId: `<${customerMessageId}>`,
    });
    const inbound = await eventually(async () => {
      const [row] = await db().select().from(inboundEmails).where(eq(inboundEmails.channelId, channel.id));
      return row?.ticketId ? row : undefined;
    });
    const { actor } = await createTestApiKey();
    const reply = await addMessage(actor, inbound.ticketId!, { kind: "reply", body: "It left today." });

    const delivered = await eventually(() => Promise.resolve(sink!.received.find((m) => m.to.includes(customer))));
    const mail = await parseMime(delivered.raw);
    const [outbox] = await db().select().from(outboundEmails).where(eq(outboundEmails.messageId, reply.id));
    expect(outbox).toMatchObject({ state: "sent", attempts: 1 });
    expect(mail.messageId).toBe(outbox!.rfcMessageId);
    expect(mail.inReplyTo).toEqual([customerMessageId]);
    expect(mail.references).toEqual([customerMessageId]);
    expect(mail.from?.address).toBe(channel.settings.address);
    expect(mail.replyTo?.address).toBe(outbox!.replyTo);
    expect(mail.subject).toMatch(/^Re: Lost parcel \[#\d+\]$/);
    expect(mail.text).toMatch(/^It left today\.\n\n-- \nAcme Support team\n\nOn .* UTC, Reader wrote:\n> Where is it\?/);
    expect(mail.loop.autoSubmitted).toBeNull();
    const [stored] = await db().select().from(messages).where(eq(messages.id, reply.id));
    expect(stored).toMatchObject({ deliveryState: "sent", externalId: outbox!.rfcMessageId });

    // A permanent refusal: failed at once, with the server's words.
    const refused = uniqueEmail("reject");
    const other = await createTestEmailChannel();
    await client().sendMail({ from: refused, to: other.settings.address, subject: "hi", text: "hi" });
    const otherInbound = await eventually(async () => {
      const [row] = await db().select().from(inboundEmails).where(eq(inboundEmails.channelId, other.id));
      return row?.ticketId ? row : undefined;
    });
    const failing = await addMessage(actor, otherInbound.ticketId!, { kind: "reply", body: "Hello?" });
    const failed = await eventually(async () => {
      const [row] = await db().select().from(messages).where(eq(messages.id, failing.id));
      return row?.deliveryState === "failed" && row;
    });
    expect(failed.deliveryError).toMatch(/550/);
  }, 40_000);

  it("goes out from the alias the customer wrote to, and the answer to it comes back to the ticket", async () => {
    sink ??= await startSmtpSink(sinkPort, { rejectRecipients: /^reject-/ });
    const alias = uniqueEmail("help");
    const channel = await createTestEmailChannel({ aliases: [alias] });
    const customer = uniqueEmail("alias-writer");
    await client().sendMail({ from: customer, to: alias, subject: "Via the alias", text: "Hello help desk" });
    const inbound = await eventually(async () => {
      const [row] = await db().select().from(inboundEmails).where(eq(inboundEmails.channelId, channel.id));
      return row?.ticketId ? row : undefined;
    });
    const { actor } = await createTestApiKey();
    await addMessage(actor, inbound.ticketId!, { kind: "reply", body: "Answered from the alias." });
    const delivered = await eventually(() => Promise.resolve(sink!.received.find((m) => m.to.includes(customer))));
    const mail = await parseMime(delivered.raw);
    expect(mail.from?.address).toBe(alias);
    expect(delivered.from).toBe(alias);
    expect(mail.replyTo?.address).toMatch(new RegExp(`^${alias.split("@")[0]}\\+t.+@${alias.split("@")[1]!.replace(/\./g, "\\.")}$`));
    expect(mail.messageId!.endsWith(`@${alias.split("@")[1]}`)).toBe(true);

    await client().sendMail({ from: customer, to: mail.replyTo!.address, subject: "Re: Via the alias", text: "Thanks!", inReplyTo: `<${mail.messageId}>` });
    const answered = await eventually(async () => {
      const rows = await db().select().from(inboundEmails).where(eq(inboundEmails.channelId, channel.id));
      return rows.length === 2 && rows.every((row) => row.ticketId) && rows;
    });
    expect(new Set(answered.map((row) => row.ticketId))).toEqual(new Set([inbound.ticketId]));
  }, 40_000);

  it("retries while the SMTP server is down and delivers when it is back", async () => {
    await sink?.close();
    sink = undefined;
    const channel = await createTestEmailChannel();
    const customer = uniqueEmail("patient");
    await client().sendMail({ from: customer, to: channel.settings.address, subject: "Patience", text: "Take your time." });
    const inbound = await eventually(async () => {
      const [row] = await db().select().from(inboundEmails).where(eq(inboundEmails.channelId, channel.id));
      return row?.ticketId ? row : undefined;
    });
    const { actor } = await createTestApiKey();
    const reply = await addMessage(actor, inbound.ticketId!, { kind: "reply", body: "Done." });
    const retrying = await eventually(async () => {
      const [row] = await db().select().from(messages).where(eq(messages.id, reply.id));
      return row?.deliveryState === "retrying" && row;
    });
    expect(retrying.deliveryError).toMatch(/ECONNREFUSED|connect/i);

    sink = await startSmtpSink(sinkPort);
    // The first retry comes 10–20 s after the failure (pg-boss backoff with jitter).
    await eventually(() => Promise.resolve(sink!.received.find((m) => m.to.includes(customer))), 50_000);
    const [outbox] = await db().select().from(outboundEmails).where(eq(outboundEmails.messageId, reply.id));
    expect(outbox).toMatchObject({ state: "sent", attempts: 2 });
  }, 90_000);
});
