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
 * The Settings form posts flat strings: blank optional fields are left out, and a list
 * (a chat channel's website origins, a phone channel's agents' numbers) is one entry per line.
 */
const listFields = new Set(["allowedOrigins", "agentNumbers"]);

export const createChannelForm = z.preprocess((raw) => {
  if (!raw || typeof raw !== "object") return raw;
  const fields = Object.entries(raw).filter(([, value]) => value !== "");
  return Object.fromEntries(
    fields.map(([key, value]) =>
      listFields.has(key) && typeof value === "string" ? [key, value.split(/[\s,]+/).filter(Boolean)] : [key, value],
    ),
  );
}, createChannelInput);
