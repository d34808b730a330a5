import type { PersonRef } from "@/lib/tickets/ticket-views";

/** How a customer is named wherever one appears: name, else address, else a placeholder. */
export function customerLabel(customer: PersonRef): string {
  return customer.name || customer.email || "Unknown customer";
}
