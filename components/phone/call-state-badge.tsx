import { callStateLabel } from "@/lib/channels/phone/call-text";
import type { CallSummary } from "@/lib/channels/phone/call-constants";

function tone(call: CallSummary): string {
  if (!call.outcome) return "bg-emerald-50 text-emerald-700 ring-emerald-600/30";
  if (call.outcome === "answered") return "bg-zinc-50 text-zinc-600 ring-zinc-500/20";
  return "bg-rose-50 text-rose-700 ring-rose-600/20";
}

/** A phone ticket's latest call: ringing and on-the-line calls pulse, ended ones say how they went. */
export function CallStateBadge({ call, className = "" }: { call: CallSummary; className?: string }) {
  const live = !call.outcome && call.status !== "in-progress";
  return (
    <span
      data-call-state={call.outcome ?? call.status}
      className={`inline-flex w-fit shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset ${tone(call)} ${className}`}
    >
      {!call.outcome && (
        <span aria-hidden className={`size-1.5 rounded-full bg-emerald-500 ${live ? "animate-pulse" : ""}`} />
      )}
      {callStateLabel(call)}
    </span>
  );
}

/** The team still owes this caller a call back. */
export function CallBackBadge({ className = "" }: { className?: string }) {
  return (
    <span className={`inline-flex w-fit shrink-0 items-center rounded bg-amber-50 px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap text-amber-800 ring-1 ring-amber-600/30 ring-inset ${className}`}>
      Call back
    </span>
  );
}
