import { randomUUID } from "node:crypto";
import { splitAddress } from "./threading";

// Pure helpers for the mail we send: threading headers and the quoted history that make
// Gmail, Outlook and Apple Mail file our reply with the customer's thread.

/** Our own Message-ID, on the channel's domain: `<uuid@acme.test>` (bare, without brackets). */
export function newMessageId(channelAddress: string): string {
  return `${randomUUID()}@${splitAddress(channelAddress).domain}`;
}

/** RFC 5322 §3.6.4: the parent's References plus the parent, oldest first; long chains keep their first and last ids. */
export function referencesFor(thread: readonly string[], limit = 20): string[] {
  const unique = [...new Set(thread)];
  if (unique.length <= limit) return unique;
  return [unique[0]!, ...unique.slice(unique.length - (limit - 1))];
}

export function quoteHistory(text: string, previous: { text: string; author: string; date: Date } | null): string {
  if (!previous) return text;
  const when = previous.date.toUTCString().replace(" GMT", " UTC");
  const quoted = previous.text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => (line ? `> ${line}` : ">"))
    .join("\n");
  return `${text}\n\nOn ${when}, ${previous.author} wrote:\n${quoted}\n`;
}

export function withSignature(text: string, signature: string | null | undefined): string {
  return signature?.trim() ? `${text}\n\n-- \n${signature.trim()}` : text;
}
