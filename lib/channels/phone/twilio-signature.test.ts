import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { formParams, isValidTwilioSignature, twilioSignature, type TwilioParams } from "./twilio-signature";

// Twilio's documented example ("Webhooks security": validating a request's signature).
const documented = {
  authToken: "12345",
  url: "https://mycompany.com/myapp.php?foo=1&bar=2",
  params: { CallSid: "CA1234567890ABCDE", Caller: "+12349013030", Digits: "1234", From: "+12349013030", To: "+18005551212" },
  signature: "0/KCTR6DLpKmkAf8muzZqo1nDgQ=",
};

const token = "f3a9c0e2d4b6a8c0e2d4b6a8c0e2d4b6";
const url = "https://help.example.com/api/channels/phone/7c1b/voice";
const callParams = {
  AccountSid: "AC0123456789abcdef0123456789abcdef",
  CallSid: "CA0123456789abcdef0123456789abcdef",
  CallStatus: "ringing",
  Direction: "inbound",
  From: "+15555550123",
  To: "+15555550100",
  CallerName: "Zoë O'Brien & Co <x>",
};

describe("twilioSignature", () => {
  it("matches Twilio's documented example", () => {
    expect(twilioSignature(documented.authToken, documented.url, documented.params)).toBe(documented.signature);
  });

  it("is what the official twilio package expects, for any parameters", () => {
    const cases: TwilioParams[] = [
      callParams,
      {},
      { Body: "ünïcødé ☎ + spaces & = ?", Empty: "" },
      { Digits: ["3", "1", "2", "1"], a: "x" },
    ];
    for (const params of cases) {
      expect(twilioSignature(token, url, params)).toBe(twilio.getExpectedTwilioSignature(token, url, params));
    }
  });

  it("covers the query string", () => {
    expect(twilioSignature(token, `${url}?a=1`, callParams)).not.toBe(twilioSignature(token, url, callParams));
  });
});

describe("isValidTwilioSignature", () => {
  const signature = twilio.getExpectedTwilioSignature(token, url, callParams);

  it("accepts what the twilio package signs and what twilio.validateRequest accepts", () => {
    expect(twilio.validateRequest(token, signature, url, callParams)).toBe(true);
    expect(isValidTwilioSignature(token, signature, url, callParams)).toBe(true);
  });

  it("refuses a changed parameter, URL, scheme or token, and a missing signature", () => {
    expect(isValidTwilioSignature(token, signature, url, { ...callParams, CallStatus: "completed" })).toBe(false);
    expect(isValidTwilioSignature(token, signature, url.replace("voice", "status"), callParams)).toBe(false);
    // What a TLS-terminating proxy hands the app: same URL, http instead of https.
    expect(isValidTwilioSignature(token, signature, url.replace("https:", "http:"), callParams)).toBe(false);
    expect(isValidTwilioSignature(`${token}x`, signature, url, callParams)).toBe(false);
    expect(isValidTwilioSignature(token, "", url, callParams)).toBe(false);
    expect(isValidTwilioSignature(token, null, url, callParams)).toBe(false);
    expect(isValidTwilioSignature(token, signature.slice(0, -2), url, callParams)).toBe(false);
  });

  it("accepts the URL with or without its default port, as Twilio's helper does", () => {
    const withPort = url.replace("help.example.com", "help.example.com:443");
    const signedWithPort = twilio.getExpectedTwilioSignature(token, withPort, callParams);
    expect(isValidTwilioSignature(token, signedWithPort, url, callParams)).toBe(true);
    expect(isValidTwilioSignature(token, signature, withPort, callParams)).toBe(true);
    expect(twilio.validateRequest(token, signedWithPort, url, callParams)).toBe(true);
    const otherPort = url.replace("help.example.com", "help.example.com:8443");
    expect(isValidTwilioSignature(token, signature, otherPort, callParams)).toBe(false);
  });
});

describe("formParams", () => {
  it("reads a form body into what Twilio signed, keeping repeated names", () => {
    const body = new URLSearchParams("CallSid=CA1&Digits=1&Digits=2&From=%2B15555550123");
    expect(formParams(body)).toEqual({ CallSid: "CA1", Digits: ["1", "2"], From: "+15555550123" });
  });
});
