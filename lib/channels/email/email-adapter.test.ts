import { describe, expect, it } from "vitest";
import { replySubject } from "./email-adapter";

describe("replySubject", () => {
  it("prefixes Re: and carries the ticket number for threading", () => {
    expect(replySubject({ number: 1042, subject: "Where is my order?" })).toBe("Re: Where is my order? [#1042]");
  });

  it("does not stack Re: prefixes, whatever their case", () => {
    expect(replySubject({ number: 7, subject: "Re: refund" })).toBe("Re: refund [#7]");
    expect(replySubject({ number: 7, subject: "RE: refund" })).toBe("RE: refund [#7]");
  });
});

describe("replySubject header safety", () => {
  it("keeps a subject with line breaks on one line, so it cannot add a header", () => {
    expect(replySubject({ number: 7, subject: "Hi\r\nBcc: victim@example.com" })).toBe("Re: Hi Bcc: victim@example.com [#7]");
  });
});
