export const staffRoom = "staff";
/** Admins: what only Settings shows (channel health). */
export const settingsRoom = "settings";
export const ticketRoom = (ticketId: string) => `ticket:${ticketId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const customerRoom = (customerId: string) => `customer:${customerId}`;
export const chatVisitorRoom = (visitor: { channelId: string; customerId: string }) => `visitor:${visitor.channelId}:${visitor.customerId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
