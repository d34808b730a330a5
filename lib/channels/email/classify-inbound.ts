import { normalizeEmail } from "@/lib/customers/find-or-create-customer";
import type { ParsedEmail } from "./parsed-email";

/**
 * What an inbound mail is, for loop protection (RFC 3834, RFC 3464):
 * - `person`: a human wrote it; it may open a ticket and get an auto-acknowledgement.
 * - `bulk`: a list or newsletter that still reaches a person (List-Unsubscribe alone):
 *   it opens a ticket but never gets an automatic answer.
 * - `auto-reply`, `bounce`, `junk`, `own`: never open a ticket, never get an answer.
 */
export type InboundKind = "person" | "bulk" | "auto-reply" | "bounce" | "junk" | "own";

export type Classification = { kind: InboundKind; reason: string | null };

const autoReplySubject = /^(auto(matic)?[ -]?reply|out of (the )?office|abwesenheitsnotiz|r[ée]ponse automatique|respuesta autom[aá]tica)\b/i;
const daemonSender = /^(mailer-daemon|postmaster|mail-daemon|mail delivery (sub)?system)\b/i;

export function classifyInbound(mail: ParsedEmail, ownAddresses: readonly string[]): Classification {
  const { loop } = mail;
  const from = mail.from ? normalizeEmail(mail.from.address) : null;

  if (from && ownAddresses.some((own) => normalizeEmail(own) === from || plusBase(from) === normalizeEmail(own))) {
    return { kind: "own", reason: `sent from our own address ${from}` };
  }

  const contentType = loop.contentType?.toLowerCase() ?? "";
  if (contentType.startsWith("multipart/report") && /report-type="?delivery-status/.test(contentType)) {
    return { kind: "bounce", reason: "delivery status notification (multipart/report)" };
  }
  if (mail.report) return { kind: "bounce", reason: "delivery status notification" };
  if (loop.xFailedRecipients.length > 0) return { kind: "bounce", reason: "X-Failed-Recipients" };
  if (loop.returnPath !== null && loop.returnPath.replace(/[<>\s]/g, "") === "") {
    return { kind: "bounce", reason: "empty Return-Path (null sender)" };
  }
  if (from && daemonSender.test(from)) return { kind: "bounce", reason: `sent by ${from}` };
  if (mail.from?.name && daemonSender.test(mail.from.name)) return { kind: "bounce", reason: `sent by ${mail.from.name}` };

  const autoSubmitted = loop.autoSubmitted?.trim().toLowerCase().split(";")[0]?.trim();
  if (autoSubmitted && autoSubmitted !== "no") return { kind: "auto-reply", reason: `Auto-Submitted: ${autoSubmitted}` };
  if (loop.xAutoreply) return { kind: "auto-reply", reason: "X-Autoreply" };
  // Exchange marks its own automatic mail with this header and an "Automatic reply:" subject.
  if (loop.xAutoResponseSuppress && autoReplySubject.test(mail.subject)) {
    return { kind: "auto-reply", reason: "Exchange automatic reply" };
  }

  const precedence = loop.precedence?.trim().toLowerCase();
  if (precedence === "bulk" || precedence === "list" || precedence === "junk") {
    return { kind: "junk", reason: `Precedence: ${precedence}` };
  }
  if (loop.listId || loop.listUnsubscribe) return { kind: "bulk", reason: loop.listId ? "List-Id" : "List-Unsubscribe" };
  return { kind: "person", reason: null };
}

/** Whether a mail of this kind may open or join a ticket. */
export function opensTickets(kind: InboundKind): boolean {
  return kind === "person" || kind === "bulk";
}

/** Whether we may answer it automatically (RFC 3834 §2: never a machine, list or bounce). */
export function mayAutoAnswer(kind: InboundKind): boolean {
  return kind === "person";
}

function plusBase(address: string): string {
  return address.replace(/\+[^@]*@/, "@");
}

/** The addresses a bounce says could not be reached: from its report, else its headers, else its text. */
export function bouncedRecipients(mail: ParsedEmail): string[] {
  const found = [...(mail.report?.failedRecipients ?? []), ...mail.loop.xFailedRecipients];
  if (found.length === 0) {
    // qmail and other plain-text bounces: "<someone@example.net>:" on a line of its own.
    for (const match of mail.text.matchAll(/^<([^<>\s@]+@[^<>\s@]+)>:\s*$/gm)) found.push(match[1]!);
  }
  return [...new Set(found.map(normalizeEmail))];
}
