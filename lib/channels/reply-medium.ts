import type { ChannelKind } from "@/lib/tickets/ticket-constants";

/**
 * How a written reply reaches the customer, for the composer to say so truthfully.
 * Client-safe; kept beside the adapters, which decide it. A phone ticket has no written
 * channel of its own: it is answered by a logged call-back, or by email when the caller
 * has an address and the agent sends it as one (phone/phone-adapter.ts); null when
 * neither email nor chat can reach the customer.
 */
export function replyMedium(ticket: { channel: ChannelKind; customer: { email: string | null } }): "email" | "chat" | null {
  if (ticket.channel === "chat") return "chat";
  return ticket.customer.email ? "email" : null;
}

/** The `via` a reply must name when it leaves on another channel than the ticket's own. */
export function replyVia(ticket: { channel: ChannelKind; customer: { email: string | null } }): "email" | undefined {
  return ticket.channel === "phone" && ticket.customer.email ? "email" : undefined;
}
