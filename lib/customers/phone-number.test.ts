import { describe, expect, it } from "vitest";
import { callerNumber, normalizePhoneNumber } from "./phone-number";

describe("normalizePhoneNumber", () => {
  it("keeps E.164 and strips the punctuation people write", () => {
    expect(normalizePhoneNumber("+15555550123")).toBe("+15555550123");
    expect(normalizePhoneNumber(" +1 (555) 555-0123 ")).toBe("+15555550123");
    expect(normalizePhoneNumber("+44 20.7946.0958")).toBe("+442079460958");
    expect(normalizePhoneNumber("0044 20 7946 0958")).toBe("+442079460958");
  });

  it("refuses what is not a full international number", () => {
    for (const raw of ["5555550123", "Anonymous", "client:alice", "+0123456789", "+1 555", "+1234567890123456", ""]) {
      expect(normalizePhoneNumber(raw)).toBeNull();
    }
  });
});

describe("callerNumber", () => {
  it("is null for Twilio's withheld caller ids", () => {
    expect(callerNumber("+266696687")).toBeNull();
    expect(callerNumber(undefined)).toBeNull();
    expect(callerNumber("+15555550123")).toBe("+15555550123");
  });
});
