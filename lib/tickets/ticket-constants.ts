// Plain values shared by the database schema and client-side code.

export const channelKinds = ["email", "chat", "phone"] as const;
export type ChannelKind = (typeof channelKinds)[number];

// Snoozed tickets wake up (open again) at their snoozedUntil, or sooner when the customer
// writes. Closed is final: a customer writing to a closed ticket opens a new one.
export const ticketStatuses = ["open", "pending", "snoozed", "resolved", "closed"] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const ticketPriorities = ["low", "normal", "high", "urgent"] as const;
export type TicketPriority = (typeof ticketPriorities)[number];

/** Statuses in which a ticket is done with: resolvedAt is set, nobody needs to act. */
export const doneStatuses: readonly TicketStatus[] = ["resolved", "closed"];

export const messageKinds = ["reply", "note", "call", "event"] as const;
export type MessageKind = (typeof messageKinds)[number];
