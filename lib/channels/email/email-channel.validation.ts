import { z } from "zod";

const address = z.email("must be an email address").max(254).transform((value) => value.toLowerCase());

const onOff = z
  .union([z.boolean(), z.enum(["on", "off", "true", "false"])])
  .transform((value) => value === true || value === "on" || value === "true");

/** More addresses that deliver to the same inbox (e.g. help@ beside support@), each once. */
export const emailAliases = z
  .array(address)
  .max(20, "at most 20 aliases")
  .refine((list) => new Set(list).size === list.length, "lists an address twice");

/**
 * An existing mailbox to fetch mail from over IMAP, instead of (or beside) mail delivered
 * to the SMTP listener. The password is sealed; the rest is shown in Settings.
 */
export const imapInput = z.strictObject({
  host: z
    .string({ error: "must not be empty" })
    .trim()
    .min(1, "must not be empty")
    .max(253)
    .regex(/^[a-zA-Z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/, "must be a host name or an IP address"),
  port: z.coerce.number({ error: "must be a port number (1-65535)" }).int().min(1).max(65535).default(993),
  /** TLS from the first byte (port 993); off, the connection upgrades with STARTTLS when offered. */
  tls: onOff.default(true),
  user: z.string({ error: "must not be empty" }).min(1, "must not be empty").max(254),
  password: z.string({ error: "must not be empty" }).min(1, "must not be empty").max(1024),
  mailbox: z.string().trim().min(1).max(200).default("INBOX"),
});

export type ImapInput = z.output<typeof imapInput>;

// Client-safe: the Settings form validates with it too.
export const emailChannelInput = z.strictObject({
  address,
  aliases: emailAliases.optional(),
  displayName: z.string().trim().min(1).max(100).optional(),
  signature: z.string().max(2000).optional(),
  /** Answer a customer's new ticket with an automatic acknowledgement (at most one a day each). */
  autoAcknowledge: onOff.optional(),
  imap: imapInput.optional(),
});

export type EmailChannelInput = z.output<typeof emailChannelInput>;

/** An email channel's other addresses as Settings edits them (one per line in the form). */
export const emailAliasesInput = z.strictObject({
  channelId: z.uuid(),
  aliases: z.preprocess(
    (value) => (typeof value === "string" ? value.split(/[\s,]+/).filter(Boolean) : value),
    emailAliases,
  ),
});

export type EmailAliasesInput = z.output<typeof emailAliasesInput>;
