// TwiML, the XML that tells Twilio what to do with a call. Every value is escaped: a
// greeting is typed by an admin, and a stray "<" or "&" would make Twilio drop the call.

export type PhoneWebhookUrls = { voice: string; dial: string; status: string; recording: string; transcription: string };

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

/**
 * The answer to an incoming call: the greeting, then the agents' numbers rung at once
 * (the first to pick up takes the call) or, with none configured, the voicemail.
 * When nobody answers the dial, Twilio asks the dial URL what next: the voicemail.
 */
export function incomingCallTwiml(input: { greeting: string; agentNumbers: string[]; urls: PhoneWebhookUrls }): string {
  const { greeting, agentNumbers, urls } = input;
  if (agentNumbers.length === 0) return response(say(greeting), voicemailVerbs(urls));
  const numbers = agentNumbers.map((number) => element("Number", {}, escapeXml(number))).join("");
  return response(say(greeting), element("Dial", { action: urls.dial, method: "POST", timeout: 20, answerOnBridge: true }, numbers));
}

/** After a dial: a call an agent took is over; one nobody took goes to voicemail. */
export function dialEndedTwiml(input: { answered: boolean; urls: PhoneWebhookUrls }): string {
  return input.answered ? response(element("Hangup", {})) : response(voicemailVerbs(input.urls));
}

/** After a voicemail, and the answer to callbacks Twilio ignores the body of. */
export function hangupTwiml(): string {
  return response(say("Thank you. Goodbye."), element("Hangup", {}));
}

export function emptyTwiml(): string {
  return response();
}
