import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { dialEndedTwiml, escapeXml, incomingCallTwiml, type PhoneWebhookUrls } from "./twiml";

const base = "https://help.example.com/api/channels/phone/abc";
const urls: PhoneWebhookUrls = {
  voice: `${base}/voice`,
  dial: `${base}/dial`,
  status: `${base}/status`,
  recording: `${base}/recording`,
  transcription: `${base}/transcription`,
};

describe("incomingCallTwiml", () => {
  it("greets and rings the agents' numbers, with the dial URL as what comes next", () => {
    const xml = incomingCallTwiml({ greeting: "Thanks for calling Acme.", agentNumbers: ["+15555550101", "+15555550102"], urls });
    // The same document as Twilio's own builder makes, so Twilio reads it as we mean it.
    const expected = new twilio.twiml.VoiceResponse();
    expected.say("Thanks for calling Acme.");
    const dial = expected.dial({ action: urls.dial, method: "POST", timeout: 20, answerOnBridge: true });
    dial.number("+15555550101");
    dial.number("+15555550102");
    expect(xml).toBe(expected.toString());
  });

  it("takes a voicemail with recording and transcription callbacks when no agent number is set", () => {
    const xml = incomingCallTwiml({ greeting: "Hello", agentNumbers: [], urls });
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
    const xml = incomingCallTwiml({ greeting: `Tom & Jerry's <"shop">`, agentNumbers: [], urls });
    expect(xml).toContain("<Say>Tom &amp; Jerry&apos;s &lt;&quot;shop&quot;&gt;</Say>");
    expect(escapeXml("a<b>&'\"")).toBe("a&lt;b&gt;&amp;&apos;&quot;");
  });

  it("leaves the greeting out when there is none", () => {
    expect(incomingCallTwiml({ greeting: " ", agentNumbers: ["+15555550101"], urls })).not.toContain("<Say>");
  });
});

describe("dialEndedTwiml", () => {
  it("hangs up after an answered dial and takes a voicemail after a missed one", () => {
    expect(dialEndedTwiml({ answered: true, urls })).toContain("<Hangup/>");
    expect(dialEndedTwiml({ answered: false, urls })).toContain(`<Record action="${urls.recording}"`);
  });
});
