import { isTerminalCallStatus, type CallOutcome, type CallStatus, type CallSummary } from "./call-constants";

// The call-state machine as pure functions. Twilio retries callbacks and does not promise
// their order, so a state is only ever moved forward: a late "ringing" after "completed"
// changes nothing, and a status seen twice is the same as seen once.

export type CallState = {
  status: CallStatus;
  durationSeconds: number | null;
  /** An agent picked up (the dial was answered, or an agent logged a talk). */
  answered: boolean;
  /** The caller left a recording. */
  voicemail: boolean;
};

const rank: Record<CallStatus, number> = {
  queued: 0,
  ringing: 1,
  "in-progress": 2,
  completed: 3,
  busy: 3,
  "no-answer": 3,
  failed: 3,
  canceled: 3,
};

export function initialCallState(status: CallStatus = "ringing"): CallState {
  return { status, durationSeconds: null, answered: false, voicemail: false };
}

/**
 * A status callback. The first terminal status wins over everything after it (Twilio
 * reports one end per call; a later, different one is a stale retry), but a duration
 * reported later still fills one we did not have.
 */
export function applyCallStatus(state: CallState, event: { status: CallStatus; durationSeconds?: number | null }): CallState {
  const duration = mergeDuration(state.durationSeconds, event.durationSeconds);
  if (rank[event.status] > rank[state.status]) return { ...state, status: event.status, durationSeconds: duration };
  return { ...state, durationSeconds: duration };
}

/** The dial to the agents' numbers ended: picked up, or not (then the caller is sent to voicemail). */
export function applyDialResult(state: CallState, event: { answered: boolean; durationSeconds?: number | null }): CallState {
  if (!event.answered) return state;
  const moved = rank[state.status] < rank["in-progress"] ? { ...state, status: "in-progress" as const } : state;
  return { ...moved, answered: true };
}

export function applyRecording(state: CallState): CallState {
  return { ...state, voicemail: true };
}

function mergeDuration(current: number | null, reported: number | null | undefined): number | null {
  if (reported === null || reported === undefined || !Number.isFinite(reported) || reported < 0) return current;
  return current === null ? reported : Math.max(current, reported);
}

/** How an ended call went; null while it is still going. */
export function callOutcome(state: CallState): CallOutcome | null {
  if (!isTerminalCallStatus(state.status)) return state.voicemail ? "voicemail" : null;
  if (state.answered) return "answered";
  if (state.voicemail) return "voicemail";
  if (state.status === "busy") return "busy";
  if (state.status === "failed") return "failed";
  return "missed";
}

/** A caller nobody talked to gets a call back: a missed call, a busy line or a voicemail. */
export function needsCallBack(state: CallState): boolean {
  const outcome = callOutcome(state);
  return outcome !== null && outcome !== "answered";
}

export function summarizeCall(
  state: CallState,
  call: { direction: CallSummary["direction"]; from: string; to: string },
): CallSummary {
  return { ...call, status: state.status, outcome: callOutcome(state), durationSeconds: state.durationSeconds };
}
