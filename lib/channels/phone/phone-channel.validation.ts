import { z } from "zod";

// Client-safe: the Settings form validates with it too.

const e164 = z.string().trim().regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 number such as +15555550100");

export const defaultPhoneGreeting = "Thanks for calling. Please hold while we connect you.";

export const phoneChannelInput = z.strictObject({
  phoneNumber: e164,
  twilioAccountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, "must be a Twilio Account SID (AC followed by 32 hex digits)"),
  twilioAuthToken: z.string().min(16, "must be the account's auth token").max(200),
  /** Said to every caller first. */
  greeting: z.string().trim().max(500).default(defaultPhoneGreeting),
  /** Rung at once when a call comes in (the first to pick up takes it); none: straight to voicemail. */
  agentNumbers: z.array(e164).max(10, "ring at most 10 numbers").default([]),
});
