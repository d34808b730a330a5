import { z } from "zod";
import { callStatuses } from "./call-constants";
import type { CallEvent, CallRef } from "./record-call-event";

// The parameters of each Twilio voice webhook we answer, under Twilio's own names, read
// into the call and what happened to it. Unknown parameters are allowed: Twilio adds new
// ones without notice.

const sid = (prefix: string) => z.string().regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `must be a Twilio ${prefix} SID`);
const seconds = z.coerce.number().int().min(0).max(7 * 24 * 3600).optional();
const text = (max: number) => z.string().max(max).optional();
// A placed call reports "initiated" before it rings: for us, still queued.
const callStatus = z.preprocess((value) => (value === "initiated" ? "queued" : value), z.enum(callStatuses));

const callParams = z.object({
  AccountSid: sid("AC"),
  CallSid: sid("CA"),
  From: text(200),
  To: text(200),
  CallerName: text(200),
});

export type ParsedPhoneWebhook = { accountSid: string; call: CallRef; event: CallEvent };

function parsed(p: z.output<typeof callParams>, event: CallEvent): ParsedPhoneWebhook {
  const call: CallRef = { callSid: p.CallSid, from: p.From ?? "", to: p.To ?? "", callerName: p.CallerName ?? null };
  return { accountSid: p.AccountSid, call, event };
}

export const phoneWebhookSchemas = {
  voice: callParams
    .extend({ CallStatus: callStatus.default("ringing") })
    .transform((p) => parsed(p, { type: "incoming", status: p.CallStatus })),
  // Click-to-call: the agent picked up the call Touchbase asked Twilio to place.
  outbound: callParams
    .extend({ CallStatus: callStatus.default("in-progress") })
    .transform((p) => parsed(p, { type: "status", status: p.CallStatus, durationSeconds: null })),
  status: callParams
    .extend({ CallStatus: callStatus, CallDuration: seconds })
    .transform((p) => parsed(p, { type: "status", status: p.CallStatus, durationSeconds: p.CallDuration ?? null })),
  dial: callParams
    .extend({
      DialCallSid: sid("CA").optional(),
      DialCallStatus: z.enum(["completed", "answered", "busy", "no-answer", "failed", "canceled"]),
    })
    .transform((p) =>
      parsed(p, {
        type: "dial",
        // Without a DialCallSid (nobody could be dialled) the dial's key is its outcome.
        dialCallSid: p.DialCallSid ?? p.DialCallStatus,
        answered: p.DialCallStatus === "completed" || p.DialCallStatus === "answered",
      }),
    ),
  recording: callParams
    .extend({ RecordingSid: sid("RE"), RecordingUrl: z.url(), RecordingDuration: seconds, RecordingSource: text(100) })
    .transform((p) =>
      parsed(p, {
        type: "recording",
        // <Record> takes a voicemail; a recorded <Dial> is the conversation with an agent.
        of: p.RecordingSource === "DialVerb" ? "conversation" : "voicemail",
        recordingSid: p.RecordingSid,
        recordingUrl: p.RecordingUrl,
        durationSeconds: p.RecordingDuration ?? null,
      }),
    ),
  transcription: callParams
    .extend({ TranscriptionSid: sid("TR"), TranscriptionText: z.string().max(20_000).default("") })
    .transform((p) => parsed(p, { type: "transcription", transcriptionSid: p.TranscriptionSid, text: p.TranscriptionText })),
} satisfies Record<string, z.ZodType<ParsedPhoneWebhook>>;

export type PhoneWebhookEvent = keyof typeof phoneWebhookSchemas;
export const phoneWebhookEvents = Object.keys(phoneWebhookSchemas) as PhoneWebhookEvent[];
