import { and, eq } from "drizzle-orm";
import MailComposer from "nodemailer/lib/mail-composer";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { customerIdentities, emailThreads, inboundEmails, messages, outboundEmails, tickets } from "@/lib/db/schema";
import { createTestApiKey, createTestEmailChannel, uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";
import { addMessage } from "@/lib/tickets/add-message";
import { changeTicketStatus } from "@/lib/tickets/change-ticket-status";
import type { EmailChannel } from "./email-channels";
import { parseEmail } from "./parse-email";
import { receiveEmail } from "./receive-email";

// The parser's worker threads start on first use; on a loaded machine that takes seconds.
beforeAll(() => parseEmail(Buffer.from("Subject: warm-up\r\n\r\nx")));

type Mail = {
  from: string;
  to?: string;
  cc?: string;
  subject?: string;
  text?: string;
  messageId?: string | false;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
};

async function raw(mail: Mail, channel: EmailChannel): Promise<Buffer> {
  const composer = new MailComposer({
    from: mail.from,
    to: mail.to ?? channel.settings.address,
    cc: mail.cc,
    subject: mail.subject ?? `Question ${uniqueSuffix()}`,
    text: mail.text ?? "Hello, I need help.",
    messageId: mail.messageId === false ? undefined : (mail.messageId ?? `<${uniqueSuffix()}@customer.example>`),
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    headers: mail.headers,
  });
  const built = composer.compile();
  if (mail.messageId === false) built.keepBcc = false;
  const bytes = await built.build();
  return mail.messageId === false ? Buffer.from(bytes.toString("latin1").replace(/^Message-ID:.*\r\n/im, ""), "latin1") : bytes;
}

const receive = async (channel: EmailChannel, mail: Mail, to?: string[]) =>
  receiveEmail(channel, await raw(mail, channel), { from: null, to: to ?? [] }, "http");

async function ticketMessages(ticketId: string) {
  return db().select().from(messages).where(eq(messages.ticketId, ticketId)).orderBy(messages.seq);
}

async function agentReply(ticketId: string, body = "We are on it.") {
  const { actor } = await createTestApiKey();
  const view = await addMessage(actor, ticketId, { kind: "reply", body });
  const [outbox] = await db().select().from(outboundEmails).where(eq(outboundEmails.messageId, view.id));
  return outbox!;
}

describe("receiving email", { timeout: 60_000 }, () => {
  it("opens a ticket for a new customer, found by email identity, with the mail's subject and text", async () => {
    const channel = await createTestEmailChannel();
    const customer = uniqueEmail("maria");
    const result = await receive(channel, { from: `Maria Lopez <${customer}>`, subject: "Where is my kettle?", text: "Order 1042." });

    expect(result).toMatchObject({ status: "ticket", duplicate: false });
    const [ticket] = await db().select().from(tickets).where(eq(tickets.id, result.ticketId!));
    expect(ticket).toMatchObject({ subject: "Where is my kettle?", channel: "email", channelId: channel.id, status: "open" });
    const [identity] = await db().select().from(customerIdentities).where(eq(customerIdentities.value, customer));
    expect(identity?.customerId).toBe(ticket!.customerId);
    expect((await ticketMessages(ticket!.id)).map((m) => [m.direction, m.bodyText])).toEqual([["in", "Order 1042."]]);
  });

  it("stores the same message once, however often it is delivered", async () => {
    const channel = await createTestEmailChannel();
    const mail = { from: uniqueEmail("dup"), messageId: `<${uniqueSuffix()}@customer.example>` };
    const bytes = await raw(mail, channel);
    const first = await receiveEmail(channel, bytes, { from: null, to: [] }, "smtp");
    const again = await Promise.all([1, 2, 3].map(() => receiveEmail(channel, bytes, { from: null, to: [] }, "imap")));

    expect(again.every((r) => r.duplicate && r.ticketId === first.ticketId)).toBe(true);
    expect(await ticketMessages(first.ticketId!)).toHaveLength(1);
  });

  it("without a Message-ID, dedupes on the bytes", async () => {
    const channel = await createTestEmailChannel();
    const bytes = await raw({ from: uniqueEmail("nomid"), messageId: false }, channel);
    expect(bytes.toString()).not.toMatch(/^Message-ID:/im);
    const first = await receiveEmail(channel, bytes, { from: null, to: [] }, "http");
    const second = await receiveEmail(channel, bytes, { from: null, to: [] }, "http");
    expect(second).toMatchObject({ duplicate: true, ticketId: first.ticketId });
  });

  describe("threading", () => {
    it("joins replies by reply token, In-Reply-To and References; reopens a resolved ticket", async () => {
      const channel = await createTestEmailChannel();
      const customer = uniqueEmail("thread");
      const opened = await receive(channel, { from: customer, subject: "Broken zipper" });
      const reply = await agentReply(opened.ticketId!);
      expect(reply.replyTo).toMatch(new RegExp(`^support-[0-9a-f]+\\+t\\d+-[a-z0-9]{10}@acme\\.test$`));
      const { actor } = await createTestApiKey();
      await changeTicketStatus(actor, opened.ticketId!, "resolved");

      const byHeader = await receive(channel, { from: customer, subject: "Re: Broken zipper", inReplyTo: `<${reply.rfcMessageId}>` });
      const byToken = await receive(channel, { from: customer, subject: "unrelated words", to: reply.replyTo! }, [reply.replyTo!]);
      const byReferences = await receive(channel, {
        from: customer,
        subject: "Re: x",
        references: [`<elsewhere-${uniqueSuffix()}@x.example>`, `<${reply.rfcMessageId}>`],
      });

      for (const result of [byHeader, byToken, byReferences]) expect(result.ticketId).toBe(opened.ticketId);
      const [ticket] = await db().select().from(tickets).where(eq(tickets.id, opened.ticketId!));
      expect(ticket?.status).toBe("open");
      expect(await ticketMessages(opened.ticketId!)).toHaveLength(5);
    });

    it("never lets a subject join two senders, and opens a new ticket for a new subject", async () => {
      const channel = await createTestEmailChannel();
      const customer = uniqueEmail("owner");
      const opened = await receive(channel, { from: customer, subject: "Refund please" });
      const [ticket] = await db().select().from(tickets).where(eq(tickets.id, opened.ticketId!));
      const tagged = `Re: Refund please [#${ticket!.number}]`;

      const stranger = await receive(channel, { from: uniqueEmail("stranger"), subject: tagged });
      const sameCustomerTagged = await receive(channel, { from: customer, subject: tagged });
      const sameCustomerNewSubject = await receive(channel, { from: customer, subject: "Another question" });
      const sameWordsNoTag = await receive(channel, { from: customer, subject: "Re: Refund please" });

      expect(stranger.ticketId).not.toBe(opened.ticketId);
      expect(sameCustomerTagged.ticketId).toBe(opened.ticketId);
      expect(sameCustomerNewSubject.ticketId).not.toBe(opened.ticketId);
      expect(sameWordsNoTag.ticketId).not.toBe(opened.ticketId);
    });

    it("refuses a forged reply token", async () => {
      const channel = await createTestEmailChannel();
      const opened = await receive(channel, { from: uniqueEmail("victim") });
      const [ticket] = await db().select().from(tickets).where(eq(tickets.id, opened.ticketId!));
      const forged = channel.settings.address.replace("@", `+t${ticket!.number}-aaaaaaaaaa@`);
      const result = await receive(channel, { from: uniqueEmail("attacker"), to: forged }, [forged]);
      expect(result.ticketId).not.toBe(opened.ticketId);
    });

    it("keeps CC'd colleagues on the ticket and copies them on replies", async () => {
      const channel = await createTestEmailChannel();
      const colleague = uniqueEmail("raj");
      const opened = await receive(channel, { from: uniqueEmail("priya"), cc: `Raj <${colleague}>, ${channel.settings.address}` });
      const [thread] = await db().select().from(emailThreads).where(eq(emailThreads.ticketId, opened.ticketId!));
      expect(thread?.ccAddresses).toEqual([colleague]);
      const reply = await agentReply(opened.ticketId!);
      expect(reply.ccAddresses).toEqual([colleague]);
    });
  });

  describe("loops", () => {
    it.each([
      ["an auto-reply", { "Auto-Submitted": "auto-replied" }, "auto-reply"],
      ["an Exchange out-of-office", { "X-Auto-Response-Suppress": "All", "X-Autoreply": "yes" }, "auto-reply"],
      ["bulk mail", { Precedence: "bulk" }, "junk"],
    ])("does not open a ticket for %s", async (_, headers, kind) => {
      const channel = await createTestEmailChannel();
      const result = await receive(channel, { from: uniqueEmail("robot"), headers });
      expect(result).toMatchObject({ status: "ignored", ticketId: null });
      const [row] = await db().select().from(inboundEmails).where(eq(inboundEmails.id, result.inboundId));
      expect(row?.kind).toBe(kind);
    });

    it("ignores mail from our own address", async () => {
      const channel = await createTestEmailChannel();
      const result = await receive(channel, { from: channel.settings.address });
      expect(result).toMatchObject({ status: "ignored", ticketId: null });
    });

    it("marks the customer's address as failing when a bounce comes back", async () => {
      const channel = await createTestEmailChannel();
      const customer = uniqueEmail("gone");
      await receive(channel, { from: customer });
      const bounce = await receive(channel, {
        from: "Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
        subject: "Delivery Status Notification (Failure)",
        headers: { "X-Failed-Recipients": customer },
      });
      expect(bounce).toMatchObject({ status: "ignored", ticketId: null });
      const [identity] = await db()
        .select()
        .from(customerIdentities)
        .where(and(eq(customerIdentities.kind, "email"), eq(customerIdentities.value, customer)));
      expect(identity?.failingSince).toBeInstanceOf(Date);
    });
  });

  describe("auto-acknowledgement", () => {
    it("answers a new ticket once a day per customer, marked Auto-Submitted, and never a machine", async () => {
      const channel = await createTestEmailChannel({ autoAcknowledge: true });
      const customer = uniqueEmail("ack");
      const first = await receive(channel, { from: customer, subject: "First" });
      await receive(channel, { from: customer, subject: "Second, same day" });
      await receive(channel, { from: uniqueEmail("bot"), headers: { "Auto-Submitted": "auto-generated" } });

      const acks = await db().select().from(outboundEmails).where(and(eq(outboundEmails.channelId, channel.id), eq(outboundEmails.autoSubmitted, true)));
      expect(acks).toHaveLength(1);
      expect(acks[0]).toMatchObject({ toAddress: customer, ticketId: first.ticketId, state: "queued" });
    });
  });
});
