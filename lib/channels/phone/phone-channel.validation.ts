import { z } from "zod";

// Client-safe: the Settings forms validate with it too.

const e164 = z.string().trim().regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 number such as +15555550100");

export const defaultPhoneGreeting = "Thanks for calling. Please hold while we connect you.";

/** A switch from JSON (true/false) or from a form (a checkbox's "on", or "true"/"false"). */
const onOff = z
  .union([z.boolean(), z.enum(["on", "true", "false"])], "must be true or false")
  .transform((value) => value === true || value === "on" || value === "true");

/** How the channel answers calls; each may be changed later (PATCH /api/v1/channels/:id). */
export const phoneCallHandlingInput = z.strictObject({
  /** Said to every caller first. */
  greeting: z.string().trim().max(500, "keep the greeting under 500 characters"),
  /** Rung at once when a call comes in (the first to pick up takes it); none: nobody answers. */
  agentNumbers: z.array(e164).max(10, "ring at most 10 numbers"),
  /** Take a message when nobody answers; off: the caller hears that the team will call back. */
  voicemail: onOff,
  /** Record the conversation once an agent picks up (tell callers in the greeting). */
  recordCalls: onOff,
});

export const phoneChannelInput = z.strictObject({
  phoneNumber: e164,
  twilioAccountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, "must be a Twilio Account SID (AC followed by 32 hex digits)"),
  twilioAuthToken: z.string().min(16, "must be the account's auth token").max(200),
  greeting: phoneCallHandlingInput.shape.greeting.default(defaultPhoneGreeting),
  agentNumbers: phoneCallHandlingInput.shape.agentNumbers.default([]),
  voicemail: phoneCallHandlingInput.shape.voicemail.default(true),
  recordCalls: phoneCallHandlingInput.shape.recordCalls.default(false),
});

/** A change to how a phone channel answers: any of its fields, at least one. */
export const updatePhoneChannelInput = phoneCallHandlingInput
  .partial()
  .refine((change) => Object.values(change).some((value) => value !== undefined), "Change at least one setting");

export type UpdatePhoneChannelInput = z.output<typeof updatePhoneChannelInput>;
