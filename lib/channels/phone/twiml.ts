// TwiML, the XML that tells Twilio what to do with a call. Every value is escaped: a
// greeting is typed by an admin, and a stray "<" or "&" would make Twilio drop the call.

export type PhoneWebhookUrls = { voice: string; outbound: string; dial: string; status: string; recording: string; transcription: string };

const declaration = '<?xml version="1.0" encoding="UTF-8"?>';

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`);
}

function element(name: string, attributes: Record<string, string | number | boolean>, children?: string): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join("");
  return children === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${children}</${name}>`;
}

function response(...verbs: string[]): string {
  return `${declaration}<Response>${verbs.join("")}</Response>`;
}

function say(text: string): string {
  return text.trim() === "" ? "" : element("Say", {}, escapeXml(text));
}

export const voicemailPrompt = "Nobody can take your call right now. Please leave a message after the tone.";

/** Takes a message: the recording and its transcript come back to the recording and transcription webhooks. */
export function voicemailVerbs(urls: PhoneWebhookUrls): string {
  return (
    say(voicemailPrompt) +
    element("Record", {
      // Without an action Twilio would request the voice URL again and loop the voicemail.
      action: urls.recording,
      method: "POST",
      maxLength: 180,
      playBeep: true,
      recordingStatusCallback: urls.recording,
      recordingStatusCallbackMethod: "POST",
      transcribe: true,
      transcribeCallback: urls.transcription,
    })
  );
}

/** How a phone channel answers, from its settings. */
export type CallHandling = {
  greeting: string;
  agentNumbers: string[];
  /** Take a message when nobody answers; off: say so and hang up (the call is missed, with a call back). */
  voicemail: boolean;
  /** Record the conversation once an agent picks up; the recording comes back to the recording webhook. */
  recordCalls: boolean;
  urls: PhoneWebhookUrls;
};

export const unavailablePrompt = "Nobody can take your call right now. We will call you back. Goodbye.";

/** Nobody took the call: a voicemail, or the apology and a hang-up. */
function nobodyAnswered(handling: Pick<CallHandling, "voicemail" | "urls">): string {
  return handling.voicemail ? voicemailVerbs(handling.urls) : say(unavailablePrompt) + element("Hangup", {});
}

/**
 * The answer to an incoming call: the greeting, then the agents' numbers rung at once
 * (the first to pick up takes the call) or, with none configured, nobody answered.
 * When nobody answers the dial, Twilio asks the dial URL what next.
 */
export function incomingCallTwiml(handling: CallHandling): string {
  const { greeting, agentNumbers, urls } = handling;
  if (agentNumbers.length === 0) return response(say(greeting), nobodyAnswered(handling));
  const numbers = agentNumbers.map((number) => element("Number", {}, escapeXml(number))).join("");
  const recording: Record<string, string> = handling.recordCalls
    ? { record: "record-from-answer-dual", recordingStatusCallback: urls.recording, recordingStatusCallbackMethod: "POST" }
    : {};
  return response(say(greeting), element("Dial", { action: urls.dial, method: "POST", timeout: 20, answerOnBridge: true, ...recording }, numbers));
}

/** After a dial: a call an agent took is over; one nobody took is a voicemail or a goodbye. */
export function dialEndedTwiml(input: { answered: boolean; voicemail: boolean; urls: PhoneWebhookUrls }): string {
  return input.answered ? response(element("Hangup", {})) : response(nobodyAnswered(input));
}

/**
 * Click-to-call, once the agent picked up: dial the customer from the channel's number.
 * `dialUrl` names the call, like the URLs Twilio was given for it.
 */
export function outboundCallTwiml(input: { customerNumber: string; callerId: string; recordCalls: boolean; dialUrl: string; recordingUrl: string }): string {
  const recording: Record<string, string> = input.recordCalls
    ? { record: "record-from-answer-dual", recordingStatusCallback: input.recordingUrl, recordingStatusCallbackMethod: "POST" }
    : {};
  return response(
    say("Connecting you to the customer."),
    element("Dial", { action: input.dialUrl, method: "POST", timeout: 30, callerId: input.callerId, ...recording }, element("Number", {}, escapeXml(input.customerNumber))),
  );
}

/** Click-to-call after the dial: the agent hears whether the customer answered. */
export function outboundDialEndedTwiml(answered: boolean): string {
  return answered ? response(element("Hangup", {})) : response(say("The customer did not answer."), element("Hangup", {}));
}

/** After a voicemail, and the answer to callbacks Twilio ignores the body of. */
export function hangupTwiml(): string {
  return response(say("Thank you. Goodbye."), element("Hangup", {}));
}

export function emptyTwiml(): string {
  return response();
}
