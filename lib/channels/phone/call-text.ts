import type { CallOutcome, CallStatus, CallSummary } from "./call-constants";

// How calls read in messages, the inbox and the ticket (client-safe).

/** 95 → "1:35"; 3725 → "1:02:05". */
export function formatCallDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, "0");
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return hours > 0 ? `${hours}:${two(minutes)}:${two(s % 60)}` : `${minutes}:${two(s % 60)}`;
}

export const callOutcomeLabels: Record<CallOutcome, string> = {
  answered: "Answered",
  voicemail: "Voicemail",
  missed: "Missed call",
  busy: "Busy",
  failed: "Call failed",
};

const liveLabels: Partial<Record<CallStatus, string>> = {
  queued: "Ringing",
  ringing: "Ringing",
  "in-progress": "On the line",
};

/** "Ringing", "On the line", "Answered · 1:35", "Missed call". */
export function callStateLabel(call: Pick<CallSummary, "status" | "outcome" | "durationSeconds">): string {
  if (!call.outcome) return liveLabels[call.status] ?? "Call";
  const label = callOutcomeLabels[call.outcome];
  return call.outcome === "answered" && call.durationSeconds !== null
    ? `${label} · ${formatCallDuration(call.durationSeconds)}`
    : label;
}

/** The conversation's line for a call a teammate logged by hand: "Called +1555… · Answered · 4:05", then the notes. */
export function loggedCallText(call: {
  direction: "inbound" | "outbound";
  number: string;
  outcome: CallOutcome;
  durationSeconds: number;
  notes: string;
}): string {
  const what = call.direction === "outbound" ? `Called ${call.number}` : `Call from ${call.number}`;
  const how = callStateLabel({ status: "completed", outcome: call.outcome, durationSeconds: call.durationSeconds });
  return `${what} · ${how} (logged by hand)${call.notes ? `\n\n${call.notes}` : ""}`;
}
