import type { DeliveryState } from "@/lib/db/schema";

const labels: Record<DeliveryState, string> = {
  queued: "Queued",
  sending: "Sending…",
  retrying: "Sending… retrying",
  sent: "Sent",
  delivered: "Delivered",
  failed: "Not delivered",
};

/** Where a reply is on its way to the customer, as its channel reports it. */
export function DeliveryStatus({ state, error }: { state: DeliveryState; error: string | null }) {
  const tone = state === "failed" ? "text-red-700 font-medium" : state === "retrying" ? "text-amber-800" : "text-zinc-600";
  return (
    <span className={`text-xs ${tone}`} data-delivery-state={state} title={error ?? undefined}>
      · {labels[state]}
      {state === "failed" && error ? `: ${error}` : ""}
    </span>
  );
}
