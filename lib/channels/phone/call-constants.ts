// Plain values shared by the phone_calls schema, the webhooks and the UI (client-safe).

/** Twilio's CallStatus values, in the order a call can pass through them. */
export const callStatuses = ["queued", "ringing", "in-progress", "completed", "busy", "no-answer", "failed", "canceled"] as const;
export type CallStatus = (typeof callStatuses)[number];

export const callDirections = ["inbound", "outbound"] as const;
export type CallDirection = (typeof callDirections)[number];

/** How a call ended as people talk about it, for the inbox, the ticket and a hand-logged call. */
export const callOutcomes = ["answered", "voicemail", "missed", "busy", "failed"] as const;
export type CallOutcome = (typeof callOutcomes)[number];

export const terminalCallStatuses: readonly CallStatus[] = ["completed", "busy", "no-answer", "failed", "canceled"];

export function isTerminalCallStatus(status: CallStatus): boolean {
  return terminalCallStatuses.includes(status);
}

/** What the inbox row and the ticket show about a ticket's latest call. */
export type CallSummary = {
  direction: CallDirection;
  status: CallStatus;
  /** Set once the call is over: how it went. */
  outcome: CallOutcome | null;
  durationSeconds: number | null;
  from: string;
  to: string;
};
