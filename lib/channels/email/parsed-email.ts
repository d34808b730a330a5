// What the MIME parser hands the rest of the email channel: plain data that crosses a
// worker-thread boundary (structured clone), with every header the channel decides on
// already pulled out. Ids are bare (no angle brackets) and compared case-sensitively in
// their local part, as RFC 5322 says, but we lower-case the domain half.

export type MailAddress = { address: string; name: string | null };

export type MailAttachment = {
  filename: string;
  contentType: string;
  size: number;
  content: Uint8Array;
  /** Set for parts referenced from the HTML as cid:…; shown inline, not listed. */
  contentId: string | null;
  inline: boolean;
};

/** The headers that tell a person's mail from a machine's (RFC 3834, RFC 3464). */
export type LoopSignals = {
  autoSubmitted: string | null;
  precedence: string | null;
  xAutoreply: string | null;
  xAutoResponseSuppress: string | null;
  returnPath: string | null;
  listId: string | null;
  listUnsubscribe: string | null;
  xFailedRecipients: string[];
  /** e.g. "multipart/report; report-type=delivery-status" */
  contentType: string | null;
};

export type DeliveryReport = {
  /** Recipients the report says failed for good (Action: failed / 5.x.x). */
  failedRecipients: string[];
  status: string | null;
  diagnostic: string | null;
};

export type ParsedEmail = {
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: MailAddress | null;
  replyTo: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  date: string | null;
  text: string;
  /** Sanitized HTML (see sanitize-email-html.ts), never the sender's. */
  html: string | null;
  attachments: MailAttachment[];
  loop: LoopSignals;
  report: DeliveryReport | null;
  /** Things the parser had to work around, recorded with the message (never a crash). */
  problems: string[];
};

/** "<abc@example.com>" → "abc@example.com"; the forms mail clients really send. */
export function bareMessageId(value: string): string | null {
  const trimmed = value.trim().replace(/^<+/, "").replace(/>+$/, "").trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  const at = trimmed.lastIndexOf("@");
  return at < 0 ? trimmed : `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

/** Every <id> in a References or In-Reply-To header, in order, without duplicates. */
export function messageIdList(value: string | string[] | undefined | null): string[] {
  if (!value) return [];
  const joined = Array.isArray(value) ? value.join(" ") : value;
  const ids = joined.match(/<[^<>\s]+>/g) ?? (joined.trim() ? joined.trim().split(/\s+/) : []);
  const seen = new Set<string>();
  for (const raw of ids) {
    const id = bareMessageId(raw);
    if (id) seen.add(id);
  }
  return [...seen];
}
