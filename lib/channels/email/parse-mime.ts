import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from "mailparser";
import { bareMessageId, messageIdList, type DeliveryReport, type MailAddress, type ParsedEmail } from "./parsed-email";
import { sanitizeEmailHtml } from "./sanitize-email-html";

// Bounded work: a hostile message can be 25 MB of HTML or of nested parts. Past these
// sizes the text is cut (the raw message is kept whole in storage, so nothing is lost)
// and the cut is recorded among the message's problems.
const maxHtmlBytes = 2 * 1024 * 1024;
const maxTextChars = 200_000;

/** RFC 5322 bytes → ParsedEmail. Never throws for a bad message: it records what it could not read. */
export async function parseMime(raw: Uint8Array): Promise<ParsedEmail> {
  const problems: string[] = [];
  let mail: ParsedMail;
  try {
    mail = await simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), {
      skipHtmlToText: false,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
      maxHtmlLengthToParse: maxHtmlBytes,
    });
  } catch (error) {
    return unreadable(error);
  }

  // The loop headers as sent: mailparser turns some (List-*, Return-Path) into objects.
  const header = (name: string) => rawHeader(mail, name);
  let html: string | null = null;
  if (typeof mail.html === "string" && mail.html.trim()) {
    let source = mail.html;
    if (source.length > maxHtmlBytes) {
      source = source.slice(0, maxHtmlBytes);
      problems.push(`HTML body cut at ${maxHtmlBytes} bytes`);
    }
    html = sanitizeEmailHtml(source).html || null;
  }
  let text = (mail.text ?? "").replace(/\r\n/g, "\n").trim();
  if (text.length > maxTextChars) {
    text = text.slice(0, maxTextChars);
    problems.push(`text body cut at ${maxTextChars} characters`);
  }

  const attachments = [];
  let report: DeliveryReport | null = null;
  for (const attachment of mail.attachments) {
    if (attachment.contentType === "message/delivery-status") {
      report = deliveryReport(attachment.content.toString("utf8"));
      continue;
    }
    if (attachment.contentType === "application/ms-tnef" || /^winmail\.dat$/i.test(attachment.filename ?? "")) {
      problems.push("TNEF (winmail.dat) attachment kept as a file, not decoded");
    }
    attachments.push(toAttachment(attachment));
  }

  const contentType = rawHeader(mail, "content-type")?.toLowerCase() ?? null;
  // mailparser folds a message/delivery-status part into the text; read it from the raw report.
  if (!report && contentType?.startsWith("multipart/report")) {
    const found = deliveryReport(Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, 256 * 1024)).toString("latin1"));
    if (found.failedRecipients.length > 0) report = found;
  }

  const from = firstAddress(mail.from);
  if (!from) problems.push("no usable From address");
  const messageId = mail.messageId ? bareMessageId(mail.messageId) : null;
  if (!messageId) problems.push("no Message-ID");

  return {
    messageId,
    inReplyTo: messageIdList(mail.inReplyTo),
    references: messageIdList(mail.references),
    from,
    replyTo: firstAddress(mail.replyTo),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: (mail.subject ?? "").replace(/\s+/g, " ").trim(),
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null,
    text,
    html,
    attachments,
    loop: {
      autoSubmitted: header("auto-submitted"),
      precedence: header("precedence"),
      xAutoreply: header("x-autoreply") ?? header("x-autorespond"),
      xAutoResponseSuppress: header("x-auto-response-suppress"),
      returnPath: header("return-path"),
      listId: header("list-id"),
      listUnsubscribe: header("list-unsubscribe"),
      xFailedRecipients: (header("x-failed-recipients") ?? "").split(/[,\s]+/).filter((a) => a.includes("@")),
      contentType,
    },
    report,
    problems,
  };
}

function unreadable(error: unknown): ParsedEmail {
  return {
    messageId: null,
    inReplyTo: [],
    references: [],
    from: null,
    replyTo: null,
    to: [],
    cc: [],
    subject: "",
    date: null,
    text: "",
    html: null,
    attachments: [],
    loop: {
      autoSubmitted: null,
      precedence: null,
      xAutoreply: null,
      xAutoResponseSuppress: null,
      returnPath: null,
      listId: null,
      listUnsubscribe: null,
      xFailedRecipients: [],
      contentType: null,
    },
    report: null,
    problems: [`unreadable MIME: ${error instanceof Error ? error.message : String(error)}`],
  };
}

function rawHeader(mail: ParsedMail, key: string): string | null {
  const line = mail.headerLines.find((l) => l.key === key);
  return line ? line.line.slice(line.line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim() : null;
}

function addresses(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const out: MailAddress[] = [];
  const visit = (entries: { address?: string; name?: string; group?: unknown[] }[]) => {
    for (const entry of entries) {
      if (entry.group) visit(entry.group as typeof entries);
      else if (entry.address && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(entry.address)) {
        out.push({ address: entry.address.trim(), name: entry.name?.trim() || null });
      }
    }
  };
  for (const object of list) visit(object.value);
  return out;
}

function firstAddress(value: AddressObject | AddressObject[] | undefined): MailAddress | null {
  return addresses(value)[0] ?? null;
}

function toAttachment(attachment: Attachment) {
  const content = new Uint8Array(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength);
  return {
    filename: attachment.filename?.trim() || defaultName(attachment.contentType),
    contentType: attachment.contentType || "application/octet-stream",
    size: attachment.size ?? content.byteLength,
    content,
    contentId: attachment.contentId ? (bareMessageId(attachment.contentId) ?? null) : null,
    inline: attachment.contentDisposition === "inline" || attachment.related === true,
  };
}

function defaultName(contentType: string): string {
  if (contentType === "message/rfc822") return "forwarded-message.eml";
  const subtype = contentType.split("/")[1]?.replace(/[^a-z0-9]/gi, "") || "bin";
  return `attachment.${subtype}`;
}

/** RFC 3464: the per-recipient fields of a message/delivery-status part. */
export function deliveryReport(body: string): DeliveryReport {
  const failedRecipients: string[] = [];
  let status: string | null = null;
  let diagnostic: string | null = null;
  for (const block of body.replace(/\r\n/g, "\n").split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of block.replace(/\n[ \t]+/g, " ").split("\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const recipient = (fields.get("final-recipient") ?? fields.get("original-recipient"))?.replace(/^[^;]*;\s*/, "");
    const action = fields.get("action")?.toLowerCase();
    const blockStatus = fields.get("status") ?? null;
    if (recipient && (action === "failed" || blockStatus?.startsWith("5"))) {
      failedRecipients.push(recipient.replace(/[<>]/g, "").trim());
      status ??= blockStatus;
      diagnostic ??= fields.get("diagnostic-code") ?? null;
    }
  }
  return { failedRecipients, status, diagnostic };
}
