import { randomBytes } from "node:crypto";
import { twilioSignature, type TwilioParams } from "./twilio-signature";

// Plays Twilio's side of a call: the form posts Twilio sends to the phone channel's
// webhooks, with its parameter names and a real X-Twilio-Signature. Used by the tests,
// `npm run call:demo` and `npm run bench:phone`, so a call can ring without Twilio.

export type PhoneWebhooks = { voice: string; outbound: string; dial: string; status: string; recording: string; transcription: string };

export type SimulatedWebhook = { url: string; params: Record<string, string> };

export function twilioSid(prefix: "AC" | "CA" | "RE" | "TR"): string {
  return prefix + randomBytes(16).toString("hex");
}

/** The request Twilio would send: form-encoded, signed with the account's auth token. */
export function signedTwilioRequest(
  authToken: string,
  { url, params }: SimulatedWebhook,
  options: { signedUrl?: string; signature?: string } = {},
): { url: string; init: RequestInit } {
  const signature = options.signature ?? twilioSignature(authToken, options.signedUrl ?? url, params as TwilioParams);
  return {
    url,
    init: {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": signature,
        "user-agent": "TwilioProxy/1.1",
      },
      body: new URLSearchParams(params).toString(),
    },
  };
}

/** One call from `from` to the channel's number, as the events Twilio reports about it. */
export class SimulatedCall {
  readonly callSid: string;
  private readonly recordingSid = twilioSid("RE");

  /** `callSid` for a call placed through the REST API, whose CallSid Twilio's answer gave. */
  constructor(
    private readonly call: { accountSid: string; webhooks: PhoneWebhooks; from: string; to: string; callSid?: string },
  ) {
    this.callSid = call.callSid ?? twilioSid("CA");
  }

  private base(status: string): Record<string, string> {
    const { accountSid, from, to } = this.call;
    return {
      AccountSid: accountSid,
      ApiVersion: "2010-04-01",
      CallSid: this.callSid,
      CallStatus: status,
      Called: to,
      Caller: from,
      Direction: "inbound",
      From: from,
      FromCountry: "US",
      To: to,
      ToCountry: "US",
    };
  }

  /** The call reaches the number: the voice webhook, whose TwiML answer decides what happens. */
  incoming(): SimulatedWebhook {
    return { url: this.call.webhooks.voice, params: this.base("ringing") };
  }

  /** A call placed through the REST API was answered by its `To`: Twilio asks its Url for TwiML. */
  answeredPlacedCall(): SimulatedWebhook {
    return { url: this.call.webhooks.outbound, params: { ...this.base("in-progress"), Direction: "outbound-api" } };
  }

  /** A status callback; Twilio adds the duration once the call is over. */
  status(status: string, durationSeconds?: number, sequenceNumber = 0): SimulatedWebhook {
    const params: Record<string, string> = {
      ...this.base(status),
      CallbackSource: "call-progress-events",
      SequenceNumber: String(sequenceNumber),
      Timestamp: new Date().toUTCString(),
    };
    if (durationSeconds !== undefined) {
      params.CallDuration = String(durationSeconds);
      params.Duration = String(Math.ceil(durationSeconds / 60));
    }
    return { url: this.call.webhooks.status, params };
  }

  /** The <Dial> to the agents' numbers ended: Twilio asks its action URL what to do next. */
  dialEnded(dialStatus: "completed" | "no-answer" | "busy" | "failed" | "canceled", durationSeconds = 0): SimulatedWebhook {
    return {
      url: this.call.webhooks.dial,
      params: {
        ...this.base("in-progress"),
        DialCallSid: twilioSid("CA"),
        DialCallStatus: dialStatus,
        DialCallDuration: String(durationSeconds),
        DialBridged: String(dialStatus === "completed"),
      },
    };
  }

  get recordingUrl(): string {
    return `https://api.twilio.com/2010-04-01/Accounts/${this.call.accountSid}/Recordings/${this.recordingSid}`;
  }

  /** A recording is ready (recordingStatusCallback): the voicemail's (<Record>), or the conversation's (a recorded <Dial>). */
  recording(durationSeconds: number, source: "RecordVerb" | "DialVerb" = "RecordVerb"): SimulatedWebhook {
    return {
      url: this.call.webhooks.recording,
      params: {
        AccountSid: this.call.accountSid,
        CallSid: this.callSid,
        ErrorCode: "0",
        RecordingChannels: "1",
        RecordingDuration: String(durationSeconds),
        RecordingSid: this.recordingSid,
        RecordingSource: source,
        RecordingStartTime: new Date().toUTCString(),
        RecordingStatus: "completed",
        RecordingUrl: this.recordingUrl,
      },
    };
  }

  /** The voicemail's transcript (transcribeCallback). */
  transcription(text: string): SimulatedWebhook {
    return {
      url: this.call.webhooks.transcription,
      params: {
        ...this.base("completed"),
        RecordingSid: this.recordingSid,
        RecordingUrl: this.recordingUrl,
        TranscriptionSid: twilioSid("TR"),
        TranscriptionStatus: "completed",
        TranscriptionText: text,
        TranscriptionType: "fast",
        TranscriptionUrl: `https://api.twilio.com/2010-04-01/Accounts/${this.call.accountSid}/Transcriptions/x`,
        url: this.recordingUrl,
      },
    };
  }
}
