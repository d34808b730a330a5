// Plain values shared by the database schema and client-side code.

export const channelKinds = ["email", "chat", "phone"] as const;
export type ChannelKind = (typeof channelKinds)[number];

export const ticketStatuses = ["open", "pending", "resolved"] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const ticketPriorities = ["low", "normal", "high", "urgent"] as const;
export type TicketPriority = (typeof ticketPriorities)[number];

export const messageKinds = ["reply", "note", "call", "event"] as const;
export type MessageKind = (typeof messageKinds)[number];
