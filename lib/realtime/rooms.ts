export const staffRoom = "staff";
export const ticketRoom = (ticketId: string) => `ticket:${ticketId}`;
