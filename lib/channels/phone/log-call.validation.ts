import { z } from "zod";
import { normalizePhoneNumber } from "@/lib/customers/phone-number";
import { callDirections, callOutcomes, type CallOutcome } from "./call-constants";

// Client-safe: the "Log a call" form validates with it too.

/** A longest plausible support call; anything above is a typo. */
export const maxLoggedCallSeconds = 8 * 3600;

const durationMessage = "A call of more than 8 hours is surely a typo";

const fields = {
  direction: z.enum(callDirections, "Choose whether the customer called or was called"),
  number: z
    .string()
    .trim()
    .min(1, "Enter the number that was called or that called")
    .max(40, "That is not a phone number")
    .transform((raw, ctx) => {
      const number = normalizePhoneNumber(raw);
      if (number) return number;
      ctx.addIssue({ code: "custom", message: "Enter the number in international format, such as +1 555 555 0100" });
      return z.NEVER;
    }),
  outcome: z.enum(callOutcomes, "Choose how the call went"),
  notes: z.string().trim().max(5000, "Keep the notes under 5,000 characters").default(""),
};

const talkTime = {
  check: (call: { outcome: CallOutcome; durationSeconds: number }) =>
    call.durationSeconds === 0 || call.outcome === "answered" || call.outcome === "voicemail",
  params: { path: ["durationSeconds"], message: "A missed, busy or failed call has no talk time: leave the duration at 0" },
};

/** A call that happened outside Twilio (a desk phone, a mobile), as an agent or an integration tells it. */
export const logCallInput = z
  .strictObject({
    ...fields,
    durationSeconds: z
      .number("Must be a whole number of seconds")
      .int("Must be a whole number of seconds")
      .min(0, "A duration cannot be negative")
      .max(maxLoggedCallSeconds, durationMessage)
      .default(0),
  })
  .refine(talkTime.check, talkTime.params);

export type LogCallInput = z.input<typeof logCallInput>;
export type LoggedCallInput = z.output<typeof logCallInput>;

/** "4:05", "1:02:05", or plain minutes ("4"); empty is 0. Null when it is none of these. */
export function parseCallDuration(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return 0;
  if (/^\d{1,3}$/.test(trimmed)) return Number(trimmed) * 60;
  const parts = /^(?:(\d{1,2}):)?(\d{1,3}):([0-5]\d)$/.exec(trimmed);
  if (!parts) return null;
  return Number(parts[1] ?? 0) * 3600 + Number(parts[2]) * 60 + Number(parts[3]);
}

/** The form's fields as typed (the duration as text), read into what logCallInput takes. */
export const logCallForm = z
  .object({
    ...fields,
    durationSeconds: z.string().transform((text, ctx) => {
      const seconds = parseCallDuration(text);
      if (seconds === null) {
        ctx.addIssue({ code: "custom", message: "Write minutes, or minutes:seconds such as 4:05" });
        return z.NEVER;
      }
      if (seconds > maxLoggedCallSeconds) {
        ctx.addIssue({ code: "custom", message: durationMessage });
        return z.NEVER;
      }
      return seconds;
    }),
  })
  .refine(talkTime.check, talkTime.params);
