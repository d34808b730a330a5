import type { DeliveryState } from "@/lib/db/schema";

const looks: Record<DeliveryState, { label: string; className: string }> = {
  queued: { label: "Queued", className: "text-zinc-600" },
  sending: { label: "Sending…", className: "text-zinc-600" },
  retrying: { label: "Sending… retrying", className: "font-medium text-amber-800" },
  sent: { label: "Sent", className: "text-emerald-700" },
  delivered: { label: "Delivered", className: "text-emerald-700" },
  failed: { label: "Not delivered", className: "font-medium text-red-700" },
};

/**
 * Where a reply is on its way to the customer, as its channel last reported it (messages.
 * delivery_state, updated live): "Queued" while it waits in the outbox, never "Sent" before
 * the channel says so. Inbound messages and notes have no state and show nothing.
 */
export function DeliveryStatus({ state }: { state: DeliveryState | null }) {
  if (!state) return null;
  const look = looks[state];
  return (
    <span className={look.className} data-delivery-state={state}>
      {look.label}
    </span>
  );
}

/** The channel's reason when a reply is being retried or has failed. */
export function DeliveryError({ state, error }: { state: DeliveryState | null; error: string | null }) {
  if (!error || (state !== "retrying" && state !== "failed")) return null;
  return (
    <p className={`mt-1.5 text-xs break-words ${state === "failed" ? "text-red-700" : "text-amber-800"}`}>
      {state === "failed" ? "The customer did not get this: " : "Not sent yet, trying again: "}
      {error}
    </p>
  );
}
