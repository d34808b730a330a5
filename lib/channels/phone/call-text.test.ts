import { describe, expect, it } from "vitest";
import { callStateLabel, formatCallDuration } from "./call-text";

describe("formatCallDuration", () => {
  it("writes minutes and seconds, and hours when there are some", () => {
    expect(formatCallDuration(0)).toBe("0:00");
    expect(formatCallDuration(95)).toBe("1:35");
    expect(formatCallDuration(3725)).toBe("1:02:05");
  });
});

describe("callStateLabel", () => {
  it("says what a live call is doing and how an ended one went", () => {
    expect(callStateLabel({ status: "ringing", outcome: null, durationSeconds: null })).toBe("Ringing");
    expect(callStateLabel({ status: "in-progress", outcome: null, durationSeconds: null })).toBe("On the line");
    expect(callStateLabel({ status: "completed", outcome: "answered", durationSeconds: 95 })).toBe("Answered · 1:35");
    expect(callStateLabel({ status: "no-answer", outcome: "missed", durationSeconds: null })).toBe("Missed call");
  });
});
