import { createHmac, timingSafeEqual } from "node:crypto";
import { normalizeEmail } from "@/lib/customers/find-or-create-customer";
import type { ParsedEmail } from "./parsed-email";

// How a mail finds its ticket, in the order DESIGN.md fixes: the token in our reply-to
// address, then In-Reply-To, then References. The subject never joins mail by itself;
// the "[#1042]" tag we put in reply subjects counts only when the sender is already on
// that ticket (resolved by the caller, which knows the ticket's people).

export type ThreadCandidate =
  | { by: "token"; ticketNumber: number }
  | { by: "in-reply-to" | "references"; messageId: string }
  | { by: "subject-tag"; ticketNumber: number };

const tokenPattern = /^t(\d{1,12})-([a-z0-9]{10})$/;

/** The plus-address tag that identifies a ticket, signed so nobody can post into another ticket by guessing. */
export function replyToken(ticketNumber: number, secret: string): string {
  return `t${ticketNumber}-${tokenSignature(ticketNumber, secret)}`;
}

export function verifyReplyToken(token: string, secret: string): number | null {
  const match = tokenPattern.exec(token.toLowerCase());
  if (!match) return null;
  const ticketNumber = Number(match[1]);
  const expected = Buffer.from(tokenSignature(ticketNumber, secret));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? ticketNumber : null;
}

function tokenSignature(ticketNumber: number, secret: string): string {
  // base36 of 50 bits of HMAC: short enough for an address, far too many to guess.
  const mac = createHmac("sha256", secret).update(`reply-token:${ticketNumber}`).digest();
  return mac.readBigUInt64BE(0).toString(36).padStart(13, "0").slice(-10);
}

/** support@acme.test + ticket 1042 → support+t1042-xxxxxxxxxx@acme.test */
export function replyAddress(channelAddress: string, ticketNumber: number, secret: string): string {
  const { local, domain } = splitAddress(channelAddress);
  return `${local}+${replyToken(ticketNumber, secret)}@${domain}`;
}

export function splitAddress(address: string): { local: string; domain: string; tag: string | null } {
  const normalized = normalizeEmail(address);
  const at = normalized.lastIndexOf("@");
  const localPart = normalized.slice(0, at);
  const plus = localPart.indexOf("+");
  return {
    local: plus < 0 ? localPart : localPart.slice(0, plus),
    tag: plus < 0 ? null : localPart.slice(plus + 1),
    domain: normalized.slice(at + 1),
  };
}

/**
 * Where to look for the ticket, best first. `recipients` are the envelope recipients
 * (RCPT TO) when we have them, else the To and Cc headers.
 */
export function threadCandidates(mail: ParsedEmail, recipients: readonly string[], secret: string): ThreadCandidate[] {
  const candidates: ThreadCandidate[] = [];
  for (const recipient of recipients) {
    const { tag } = splitAddress(recipient);
    const ticketNumber = tag ? verifyReplyToken(tag, secret) : null;
    if (ticketNumber !== null && !candidates.some((c) => c.by === "token" && c.ticketNumber === ticketNumber)) {
      candidates.push({ by: "token", ticketNumber });
    }
  }
  for (const messageId of mail.inReplyTo) candidates.push({ by: "in-reply-to", messageId });
  // The newest reference is the last one: try it first.
  for (const messageId of [...mail.references].reverse()) {
    if (!mail.inReplyTo.includes(messageId)) candidates.push({ by: "references", messageId });
  }
  const tag = subjectTicketNumber(mail.subject);
  if (tag !== null) candidates.push({ by: "subject-tag", ticketNumber: tag });
  return candidates;
}

export function subjectTicketNumber(subject: string): number | null {
  const match = /\[#(\d{1,12})\]/.exec(subject);
  return match ? Number(match[1]) : null;
}

/** The envelope-less fallback: every address the mail was written to. */
export function headerRecipients(mail: ParsedEmail): string[] {
  return [...mail.to, ...mail.cc].map((a) => a.address);
}

/** A subject as a person reads it, without Re:/Fwd: prefixes or our ticket tag. */
export function baseSubject(subject: string): string {
  let current = subject.replace(/\s*\[#\d+\]\s*/g, " ").trim();
  for (;;) {
    const next = current.replace(/^(re|fwd?|aw|wg|sv|vs|tr|rv)(\[\d+\])?\s*:\s*/i, "").trim();
    if (next === current) return current;
    current = next;
  }
}
