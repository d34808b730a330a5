import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { dialEndedTwiml, escapeXml, incomingCallTwiml, outboundCallTwiml, outboundDialEndedTwiml, type PhoneWebhookUrls } from "./twiml";

const base = "https://help.example.com/api/channels/phone/abc";
const answering = { voicemail: true, recordCalls: false };
const urls: PhoneWebhookUrls = {
  voice: `${base}/voice`,
  outbound: `${base}/outbound`,
  dial: `${base}/dial`,
  status: `${base}/status`,
  recording: `${base}/recording`,
  transcription: `${base}/transcription`,
};

describe("incomingCallTwiml", () => {
  it("greets and rings the agents' numbers, with the dial URL as what comes next", () => {
    const xml = incomingCallTwiml({ ...answering, greeting: "Thanks for calling Acme.", agentNumbers: ["+15555550101", "+15555550102"], urls });
    // The same document as Twilio's own builder makes, so Twilio reads it as we mean it.
    const expected = new twilio.twiml.VoiceResponse();
    expected.say("Thanks for calling Acme.");
    const dial = expected.dial({ action: urls.dial, method: "POST", timeout: 20, answerOnBridge: true });
    dial.number("+15555550101");
    dial.number("+15555550102");
    expect(xml).toBe(expected.toString());
  });

  it("takes a voicemail with recording and transcription callbacks when no agent number is set", () => {
    const xml = incomingCallTwiml({ ...answering, greeting: "Hello", agentNumbers: [], urls });
    const expected = new twilio.twiml.VoiceResponse();
    expected.say("Hello");
    expected.say("Nobody can take your call right now. Please leave a message after the tone.");
    expected.record({
      action: urls.recording,
      method: "POST",
      maxLength: 180,
      playBeep: true,
      recordingStatusCallback: urls.recording,
      recordingStatusCallbackMethod: "POST",
      transcribe: true,
      transcribeCallback: urls.transcription,
    });
    expect(xml).toBe(expected.toString());
  });

  it("escapes what an admin typed", () => {
    const xml = incomingCallTwiml({ ...answering, greeting: `Tom & Jerry's <"shop">`, agentNumbers: [], urls });
    expect(xml).toContain("<Say>Tom &amp; Jerry&apos;s &lt;&quot;shop&quot;&gt;</Say>");
    expect(escapeXml("a<b>&'\"")).toBe("a&lt;b&gt;&amp;&apos;&quot;");
  });

  it("records the conversation from the moment an agent answers when recording is on", () => {
    const xml = incomingCallTwiml({ voicemail: true, recordCalls: true, greeting: "Calls are recorded.", agentNumbers: ["+15555550101"], urls });
    const expected = new twilio.twiml.VoiceResponse();
    expected.say("Calls are recorded.");
    expected
      .dial({
        action: urls.dial,
        method: "POST",
        timeout: 20,
        answerOnBridge: true,
        record: "record-from-answer-dual",
        recordingStatusCallback: urls.recording,
        recordingStatusCallbackMethod: "POST",
      })
      .number("+15555550101");
    expect(xml).toBe(expected.toString());
  });

  it("with no agents and voicemail off, greets, says the team will call back and hangs up", () => {
    const xml = incomingCallTwiml({ voicemail: false, recordCalls: false, greeting: "Hello", agentNumbers: [], urls });
    expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello</Say><Say>Nobody can take your call right now. We will call you back. Goodbye.</Say><Hangup/></Response>`);
  });

  it("leaves the greeting out when there is none", () => {
    expect(incomingCallTwiml({ ...answering, greeting: " ", agentNumbers: ["+15555550101"], urls })).not.toContain("<Say>");
  });
});

describe("dialEndedTwiml", () => {
  it("hangs up after an answered dial and takes a voicemail after a missed one", () => {
    expect(dialEndedTwiml({ answered: true, voicemail: true, urls })).toContain("<Hangup/>");
    expect(dialEndedTwiml({ answered: false, voicemail: true, urls })).toContain(`<Record action="${urls.recording}"`);
  });

  it("with voicemail off, says the team will call back and hangs up instead of recording", () => {
    const expected = new twilio.twiml.VoiceResponse();
    expected.say("Nobody can take your call right now. We will call you back. Goodbye.");
    expected.hangup();
    expect(dialEndedTwiml({ answered: false, voicemail: false, urls })).toBe(expected.toString());
  });
});

describe("outboundCallTwiml", () => {
  it("dials the customer from the channel's number once the agent picks up, as Twilio's builder writes it", () => {
    const xml = outboundCallTwiml({ customerNumber: "+15555550142", callerId: "+15555550100", recordCalls: false, dialUrl: `${urls.dial}?call=x`, recordingUrl: urls.recording });
    const expected = new twilio.twiml.VoiceResponse();
    expected.say("Connecting you to the customer.");
    expected.dial({ action: `${urls.dial}?call=x`, method: "POST", timeout: 30, callerId: "+15555550100" }).number("+15555550142");
    expect(xml).toBe(expected.toString());
    expect(outboundDialEndedTwiml(false)).toContain("The customer did not answer.");
  });
});
