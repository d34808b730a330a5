import { describe, expect, it } from "vitest";
import { callStatuses, type CallStatus } from "./call-constants";
import {
  applyCallStatus,
  applyDialResult,
  applyRecording,
  callOutcome,
  initialCallState,
  needsCallBack,
  type CallState,
} from "./call-state";

function play(events: { status: CallStatus; durationSeconds?: number }[], start = initialCallState()): CallState {
  return events.reduce(applyCallStatus, start);
}

describe("applyCallStatus", () => {
  it("moves a call through ringing, in progress and completed, keeping the duration", () => {
    const state = play([{ status: "ringing" }, { status: "in-progress" }, { status: "completed", durationSeconds: 95 }]);
    expect(state).toMatchObject({ status: "completed", durationSeconds: 95 });
  });

  it("ends in the same state whatever order the callbacks arrive in", () => {
    const events = [{ status: "ringing" as const }, { status: "in-progress" as const }, { status: "completed" as const, durationSeconds: 42 }];
    const orders = [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
      [2, 0, 1],
      [0, 2, 1],
    ];
    for (const order of orders) {
      expect(play(order.map((i) => events[i]!), initialCallState("queued"))).toMatchObject({
        status: "completed",
        durationSeconds: 42,
      });
    }
  });

  it("lets the first terminal status win and never goes back", () => {
    for (const end of ["completed", "busy", "no-answer", "failed", "canceled"] as const) {
      for (const later of callStatuses) {
        expect(play([{ status: end }, { status: later }]).status).toBe(end);
      }
    }
  });

  it("treats a status seen twice as seen once", () => {
    const once = play([{ status: "completed", durationSeconds: 30 }]);
    expect(applyCallStatus(once, { status: "completed", durationSeconds: 30 })).toEqual(once);
  });

  it("fills a duration reported late and ignores nonsense", () => {
    const ended = play([{ status: "no-answer" }]);
    expect(applyCallStatus(ended, { status: "completed", durationSeconds: 12 })).toMatchObject({ status: "no-answer", durationSeconds: 12 });
    expect(applyCallStatus(ended, { status: "completed", durationSeconds: Number.NaN }).durationSeconds).toBeNull();
    expect(applyCallStatus(ended, { status: "completed", durationSeconds: -3 }).durationSeconds).toBeNull();
  });
});

describe("callOutcome and needsCallBack", () => {
  it("says nothing while the call is going", () => {
    expect(callOutcome(initialCallState())).toBeNull();
    expect(needsCallBack(play([{ status: "in-progress" }]))).toBe(false);
  });

  it("an answered dial is an answered call, with no call back", () => {
    const state = play([{ status: "completed", durationSeconds: 60 }], applyDialResult(initialCallState(), { answered: true }));
    expect(callOutcome(state)).toBe("answered");
    expect(needsCallBack(state)).toBe(false);
  });

  it("an unanswered dial changes nothing: the caller goes to voicemail", () => {
    expect(applyDialResult(initialCallState(), { answered: false })).toEqual(initialCallState());
  });

  it("a call nobody took needs a call back, whether it rang out, was busy, or left a voicemail", () => {
    expect(callOutcome(play([{ status: "no-answer" }]))).toBe("missed");
    expect(callOutcome(play([{ status: "canceled" }]))).toBe("missed");
    expect(callOutcome(play([{ status: "completed", durationSeconds: 8 }]))).toBe("missed");
    expect(callOutcome(play([{ status: "busy" }]))).toBe("busy");
    expect(callOutcome(play([{ status: "failed" }]))).toBe("failed");
    const voicemail = applyRecording(play([{ status: "completed", durationSeconds: 40 }]));
    expect(callOutcome(voicemail)).toBe("voicemail");
    for (const state of [play([{ status: "no-answer" }]), play([{ status: "busy" }]), voicemail]) {
      expect(needsCallBack(state)).toBe(true);
    }
  });

  it("a voicemail that arrives before the call's end already asks for a call back", () => {
    expect(needsCallBack(applyRecording(play([{ status: "in-progress" }])))).toBe(true);
  });
});
