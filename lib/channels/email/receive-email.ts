import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { normalizeEmail } from "@/lib/customers/find-or-create-customer";
import { db } from "@/lib/db/client";
import {
  attachments,
  customerIdentities,
  emailThreads,
  inboundEmails,
  messages,
  tickets,
  type InboundEmail,
} from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { blobStore } from "@/lib/storage/storage";
import { receiveMessage } from "@/lib/tickets/receive-message";
import { acknowledgeNewTicket } from "./acknowledge-new-ticket";
import { bouncedRecipients, classifyInbound, mayAutoAnswer, opensTickets } from "./classify-inbound";
import { channelAddresses, recentEmailChannels, type EmailChannel } from "./email-channels";
import { replyTokenSecret } from "./reply-token-secret";
import { parseEmail } from "./parse-email";
import { bareMessageId, type ParsedEmail } from "./parsed-email";
import { headerRecipients, threadCandidates } from "./threading";

export type InboundSource = "smtp" | "http" | "imap";
export type Envelope = { from: string | null; to: string[] };

export type ReceivedEmail = {
  inboundId: string;
  status: InboundEmail["status"];
  ticketId: string | null;
  duplicate: boolean;
  reason: string | null;
};

/**
 * Step one, before the sender hears "250 OK": the raw bytes are written to storage and
 * recorded under (channel, Message-ID) — or a hash of the bytes when there is no
 * Message-ID — so a second delivery of the same mail is recognised and stored once.
 */
export async function acceptEmail(
  channel: EmailChannel,
  raw: Uint8Array,
  envelope: Envelope,
  source: InboundSource,
): Promise<{ inbound: InboundEmail; duplicate: boolean }> {
  const messageId = headerMessageId(raw);
  const dedupeKey = messageId ? `mid:${messageId}` : `sha256:${createHash("sha256").update(raw).digest("hex")}`;
  const storageKey = await blobStore().put(raw, { prefix: "mail", extension: "eml" });
  const [inserted] = await db()
    .insert(inboundEmails)
    .values({
      channelId: channel.id,
      dedupeKey,
      storageKey,
      size: raw.byteLength,
      source,
      envelopeFrom: envelope.from,
      envelopeTo: envelope.to.map(normalizeEmail),
    })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { inbound: inserted, duplicate: false };
  const [existing] = await db()
    .select()
    .from(inboundEmails)
    .where(and(eq(inboundEmails.channelId, channel.id), eq(inboundEmails.dedupeKey, dedupeKey)));
  return { inbound: existing!, duplicate: true };
}

/** Both steps, for callers that wait for the outcome (the HTTP endpoint, IMAP, tests). */
export async function receiveEmail(
  channel: EmailChannel,
  raw: Uint8Array,
  envelope: Envelope,
  source: InboundSource,
): Promise<ReceivedEmail> {
  const { inbound, duplicate } = await acceptEmail(channel, raw, envelope, source);
  if (duplicate && inbound.status !== "received") return outcome(inbound, true);
  return processInboundEmail(channel, inbound, raw);
}

/**
 * Step two: parse (in a worker thread), apply the loop guard, find the thread, and hand
 * the message to the ticket use-case. Never throws for a bad message: it is recorded as
 * failed or ignored with the reason, and its raw copy stays in storage.
 */
export async function processInboundEmail(channel: EmailChannel, inbound: InboundEmail, raw?: Uint8Array): Promise<ReceivedEmail> {
  let mail: ParsedEmail;
  try {
    mail = await parseEmail(raw ?? (await blobStore().get(inbound.storageKey)));
  } catch (error) {
    return settle(inbound, "failed", { reason: `could not parse: ${error instanceof Error ? error.message : String(error)}` });
  }

  // The receiving channel is read fresh; the others may be a few seconds old.
  const ours = [...channelAddresses(channel), ...(await recentEmailChannels()).flatMap(channelAddresses)];
  const { kind, reason } = classifyInbound(mail, ours);
  if (kind === "bounce") {
    const failing = bouncedRecipients(mail);
    await markAddressesFailing(failing, mail.report?.diagnostic ?? mail.report?.status ?? mail.subject);
    return settle(inbound, "ignored", { kind, reason: [reason, failing.length ? `failing: ${failing.join(", ")}` : null].filter(Boolean).join("; ") });
  }
  if (!opensTickets(kind)) return settle(inbound, "ignored", { kind, reason });

  const sender = mail.replyTo ?? mail.from;
  if (!sender) return settle(inbound, "failed", { kind, reason: mail.problems.join("; ") || "no sender" });

  const recipients = inbound.envelopeTo.length > 0 ? inbound.envelopeTo : headerRecipients(mail);
  const candidates = threadCandidates(mail, recipients, replyTokenSecret());
  const replyToTicketIds = await resolveThread(candidates);
  const claimed = candidates.find((c) => c.by === "subject-tag");
  const storedFiles = await Promise.all(
    mail.attachments.map(async (file) => ({
      filename: file.filename.slice(0, 255),
      contentType: file.contentType,
      size: file.size,
      contentId: file.contentId,
      inline: file.inline,
      storageKey: await blobStore().put(file.content, { prefix: "attachments" }),
    })),
  );
  // The address (main or alias) the customer wrote to, for replies to go out from.
  const own = channelAddresses(channel).map(normalizeEmail);
  const wroteTo = recipients.map((address) => normalizeEmail(address).replace(/\+[^@]*@/, "@")).find((address) => own.includes(address)) ?? null;
  const customerAddress = normalizeEmail(sender.address);
  const copied = [...mail.to, ...mail.cc]
    .map((a) => normalizeEmail(a.address))
    .filter((a) => a !== customerAddress && !isOurs(a, ours));

  try {
    const received = await receiveMessage({
      channel: { id: channel.id, kind: "email" },
      from: { email: sender.address, name: sender.name },
      subject: mail.subject,
      bodyText: mail.text || (mail.attachments.length ? "(attachments only)" : "(empty message)"),
      bodyHtml: mail.html,
      externalId: mail.messageId,
      replyToTicketIds,
      claimedTicketNumber: claimed?.by === "subject-tag" ? claimed.ticketNumber : null,
      // Independent writes sent together: one round trip to the database, not three.
      alsoWrite: async (tx, { ticket, message }) => {
        const settling = tx
          .update(inboundEmails)
          .set({
            status: "ticket",
            kind,
            reason: mail.problems.length ? mail.problems.join("; ") : null,
            ticketId: ticket.id,
            messageId: message.id,
            processedAt: sql`now()`,
          })
          .where(and(eq(inboundEmails.id, inbound.id), eq(inboundEmails.status, "received")))
          .returning({ id: inboundEmails.id });
        const files = storedFiles.length ? tx.insert(attachments).values(storedFiles.map((f) => ({ ...f, messageId: message.id }))) : null;
        const thread =
          copied.length || wroteTo
            ? tx
                .insert(emailThreads)
                .values({ ticketId: ticket.id, ccAddresses: copied, supportAddress: wroteTo })
                .onConflictDoUpdate({
                  target: emailThreads.ticketId,
                  set: {
                    ccAddresses: sql`array(select distinct unnest(${emailThreads.ccAddresses} || excluded.cc_addresses))`,
                    supportAddress: sql`coalesce(excluded.support_address, ${emailThreads.supportAddress})`,
                    updatedAt: sql`now()`,
                  },
                })
            : null;
        const [settled] = await Promise.all([settling, files, thread]).then(([rows]) => rows);
        if (!settled) throw new AlreadyProcessed();
      },
    });
    if (received.created && mayAutoAnswer(kind) && channel.settings.autoAcknowledge) {
      await acknowledgeNewTicket(channel, received.ticket, received.customer).catch((error: unknown) =>
        logger.error("auto-acknowledgement failed", { ticketId: received.ticket.id, error }),
      );
    }
    return { inboundId: inbound.id, status: "ticket", ticketId: received.ticket.id, duplicate: false, reason: null };
  } catch (error) {
    if (error instanceof AlreadyProcessed) {
      const [current] = await db().select().from(inboundEmails).where(eq(inboundEmails.id, inbound.id));
      return outcome(current!, true);
    }
    throw error;
  }
}

class AlreadyProcessed extends Error {}

/** Ticket ids for the message ids and reply tokens a mail refers to, in the order given. */
async function resolveThread(candidates: ReturnType<typeof threadCandidates>): Promise<string[]> {
  const numbers = candidates.flatMap((c) => (c.by === "token" ? [c.ticketNumber] : []));
  const messageIds = candidates.flatMap((c) => (c.by === "in-reply-to" || c.by === "references" ? [c.messageId] : []));
  const byNumber = numbers.length
    ? await db().select({ id: tickets.id, number: tickets.number }).from(tickets).where(inArray(tickets.number, numbers))
    : [];
  const byMessage = messageIds.length
    ? await db()
        .select({ ticketId: messages.ticketId, externalId: messages.externalId })
        .from(messages)
        .where(inArray(messages.externalId, messageIds))
    : [];
  const ids: string[] = [];
  for (const candidate of candidates) {
    const id =
      candidate.by === "token"
        ? byNumber.find((t) => t.number === candidate.ticketNumber)?.id
        : candidate.by === "subject-tag"
          ? undefined
          : byMessage.find((m) => m.externalId === candidate.messageId)?.ticketId;
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

async function markAddressesFailing(addresses: string[], reason: string): Promise<void> {
  if (addresses.length === 0) return;
  await db()
    .update(customerIdentities)
    .set({ failingSince: sql`coalesce(${customerIdentities.failingSince}, now())`, failureReason: reason.slice(0, 500) })
    .where(and(eq(customerIdentities.kind, "email"), inArray(customerIdentities.value, addresses)));
}

async function settle(
  inbound: InboundEmail,
  status: "ignored" | "failed",
  details: { kind?: string; reason: string | null },
): Promise<ReceivedEmail> {
  const [updated] = await db()
    .update(inboundEmails)
    .set({ status, kind: details.kind ?? null, reason: details.reason, processedAt: sql`now()` })
    .where(and(eq(inboundEmails.id, inbound.id), eq(inboundEmails.status, "received")))
    .returning();
  if (status === "failed") logger.warn("inbound email not processed", { inboundId: inbound.id, reason: details.reason });
  return outcome(updated ?? inbound, !updated);
}

function outcome(inbound: InboundEmail, duplicate: boolean): ReceivedEmail {
  return { inboundId: inbound.id, status: inbound.status, ticketId: inbound.ticketId, duplicate, reason: inbound.reason };
}

function isOurs(address: string, ours: string[]): boolean {
  const base = address.replace(/\+[^@]*@/, "@");
  return ours.some((own) => normalizeEmail(own) === base);
}

/** The Message-ID from the header block, without parsing the whole message. */
export function headerMessageId(raw: Uint8Array): string | null {
  const head = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, 64 * 1024)).toString("latin1");
  const end = head.search(/\r?\n\r?\n/);
  const unfolded = (end < 0 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, " ");
  const match = /^message-id:[ \t]*(.+)$/im.exec(unfolded);
  return match ? bareMessageId(match[1]!.match(/<[^<>]+>/)?.[0] ?? match[1]!) : null;
}
