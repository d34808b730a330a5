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
