export const staffRoom = "staff";
export const ticketRoom = (ticketId: string) => `ticket:${ticketId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const customerRoom = (customerId: string) => `customer:${customerId}`;
export const chatVisitorRoom = (visitor: { channelId: string; customerId: string }) => `visitor:${visitor.channelId}:${visitor.customerId}`;
