import { z } from "zod";
import { chatChannelInput } from "./chat/chat-channel.validation";
import { emailChannelInput } from "./email/email-channel.validation";
import { phoneChannelInput } from "./phone/phone-channel.validation";

// Client-safe: `POST /api/v1/channels` and the Settings form share it.
const name = z.string().trim().min(1, "must not be empty").max(100);

export const createChannelInput = z.discriminatedUnion(
  "kind",
  [
    emailChannelInput.extend({ kind: z.literal("email"), name }),
    chatChannelInput.extend({ kind: z.literal("chat"), name }),
    phoneChannelInput.extend({ kind: z.literal("phone"), name }),
  ],
  { error: "must be one of email, chat, phone" },
);

export type CreateChannelInput = z.output<typeof createChannelInput>;

/**
 * The Settings form posts flat strings: blank optional fields are left out, a list (a chat
 * channel's website origins, a phone channel's agents' numbers, an email channel's
 * aliases) is one entry per line, and `group.field` names fill a nested object (an email
 * channel's IMAP mailbox), left out unless its host is given.
 */
const listFields = new Set(["allowedOrigins", "agentNumbers", "aliases"]);
const optionalGroups: Record<string, string> = { imap: "host" };

export const createChannelForm = z.preprocess((raw) => {
  if (!raw || typeof raw !== "object") return raw;
  const fields = Object.entries(raw).filter(([, value]) => value !== "");
  const flat: [string, unknown][] = [];
  const groups: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of fields) {
    const parsed = listFields.has(key) && typeof value === "string" ? value.split(/[\s,]+/).filter(Boolean) : value;
    const [group, field] = key.split(".", 2);
    if (field && group! in optionalGroups) (groups[group!] ??= {})[field] = parsed;
    else flat.push([key, parsed]);
  }
  for (const [group, values] of Object.entries(groups)) if (values[optionalGroups[group]!] !== undefined) flat.push([group, values]);
  return Object.fromEntries(flat);
}, createChannelInput);
