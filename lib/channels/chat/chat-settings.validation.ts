import { z } from "zod";
import { weekdays } from "./business-hours";
import { chatChannelInput } from "./chat-channel.validation";

// Client-safe: the chat channel's Settings form and its server action share these.

/**
 * The settings form posts flat strings: origins one per line, checkboxes as "on" or
 * absent, a blank optional field left out, and business hours as `<day>.open` /
 * `<day>.close` times with a time zone; no day filled in means always open.
 */
export const chatSettingsForm = z.preprocess((raw) => {
  if (!raw || typeof raw !== "object") return raw;
  const form = raw as Record<string, unknown>;
  const text = (key: string) => (typeof form[key] === "string" ? (form[key] as string).trim() : "");
  const days = Object.fromEntries(
    weekdays
      .filter((day) => text(`${day}.open`) || text(`${day}.close`))
      .map((day) => [day, { open: text(`${day}.open`), close: text(`${day}.close`) }]),
  );
  return {
    allowedOrigins: text("allowedOrigins").split(/[\s,]+/).filter(Boolean),
    ...(text("brandColor") ? { brandColor: text("brandColor") } : {}),
    ...(text("greeting") ? { greeting: text("greeting") } : {}),
    ...(Object.keys(days).length ? { businessHours: { timeZone: text("timeZone"), days } } : {}),
    requireIdentity: form.requireIdentity === "on",
    preChatForm: form.preChatForm === "on",
  };
}, chatChannelInput);

export type ChatSettingsInput = z.output<typeof chatChannelInput>;

export const channelIdInput = z.object({ channelId: z.uuid("Unknown channel") });

/**
 * Seeing or replacing a channel's identity secret asks the admin to sign for it again:
 * their password, or for someone who signs in only through the company, the channel's
 * name typed out.
 */
export const identitySecretInput = channelIdInput.extend({
  confirmation: z.string().min(1, "Enter your password (or, without one, the channel's name) to confirm").max(500),
});
