import { z } from "zod";

// Client-safe: the Settings form validates with it too.
export const phoneChannelInput = z.strictObject({
  phoneNumber: z.string().regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 number such as +15555550100"),
  twilioAccountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, "must be a Twilio Account SID (AC followed by 32 hex digits)"),
  twilioAuthToken: z.string().min(16, "must be the account's auth token").max(200),
});
