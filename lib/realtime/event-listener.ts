import type { Server } from "socket.io";
import { subscribe } from "@/lib/events/event-bus";
import { toVisitorConversation, toVisitorMessage } from "@/lib/channels/chat/chat-queries";
import type { TicketSummary } from "@/lib/tickets/ticket-views";
import { chatVisitorRoom, customerRoom, sessionRoom, settingsRoom, staffRoom, ticketRoom, userRoom } from "./rooms";

/**
 * The one place that turns domain events into socket.io messages. The /agents namespace
 * only holds authenticated staff, so notes may go there; customer-facing namespaces
 * must never receive a message whose `internal` flag is set.
 */
export function forwardEventsToSockets(io: Server): () => void {
  const agents = io.of("/agents");
  const widget = io.of("/widget");
  // A chat's visitor, when the ticket is one: the only customer-facing room.
  const visitorRoomOf = (ticket: TicketSummary) =>
    ticket.channel === "chat" && ticket.channelId ? chatVisitorRoom({ channelId: ticket.channelId, customerId: ticket.customer.id }) : null;
  return subscribe((event) => {
    switch (event.type) {
      case "ticket.created":
      case "ticket.updated": {
        agents.to(staffRoom).emit("ticket:changed", event.ticket);
        const room = visitorRoomOf(event.ticket);
        if (room) widget.to(room).emit("conversation", toVisitorConversation(summaryTicket(event.ticket), null));
        break;
      }
      case "tickets.bulk_updated":
        agents.to(staffRoom).emit("tickets:changed", { count: event.ticketIds.length, changes: event.changes });
        break;
      case "message.created": {
        agents.to(staffRoom).emit("ticket:changed", event.ticket);
        agents.to(ticketRoom(event.ticket.id)).emit("message:created", event.message);
        const room = visitorRoomOf(event.ticket);
        // Internal notes never reach a visitor, and a reply reaches them in the visitor's
        // shape only (toVisitorMessage leaves out teammates' emails).
        if (room && !event.message.internal && event.message.kind === "reply") widget.to(room).emit("message", toVisitorMessage(event.message));
        break;
      }
      case "chat.read": {
        if (event.reader === "visitor") agents.to(ticketRoom(event.ticketId)).emit("chat:read", event);
        else widget.to(chatVisitorRoom(event)).emit("read", { ticketId: event.ticketId, seq: event.seq });
        break;
      }
      case "chat.page":
        for (const ticketId of event.ticketIds) agents.to(ticketRoom(ticketId)).emit("chat:page", { ticketId, page: event.page });
        break;
      case "ticket.activity":
        // Staff only: a visitor's widget hears of status changes through its conversation view.
        agents.to(ticketRoom(event.ticketId)).emit("ticket:activity", event.activity);
        break;
      case "message.updated":
        agents.to(ticketRoom(event.ticket.id)).emit("message:updated", event.message);
        break;
      case "user.deactivated":
        // The handshake refuses deactivated users; this ends the sockets they already had.
        agents.in(userRoom(event.userId)).disconnectSockets(true);
        break;
      case "notification.created":
        agents.to(userRoom(event.userId)).emit("notification:created", { notification: event.notification, unread: event.unread });
        break;
      case "notifications.read":
        agents.to(userRoom(event.userId)).emit("notifications:read", { unread: event.unread });
        break;
      case "touchpoint.created":
        // Only pages showing this customer follow it (customer:watch): the inbox does not
        // need every page view of every visitor.
        agents.to(customerRoom(event.customerId)).emit("timeline:created", { customerId: event.customerId, items: event.items });
        break;
      case "channel.health":
        agents.to(settingsRoom).emit("channel:health", { channelId: event.channelId, health: event.health });
        break;
      case "customer.merged":
      case "customer.unmerged":
        agents
          .to([customerRoom(event.survivorId), customerRoom(event.mergedId)])
          .emit("customer:changed", { customerIds: [event.survivorId, event.mergedId], change: event.type });
        break;
      case "session.ended":
        agents.in(sessionRoom(event.sessionId)).disconnectSockets(true);
        break;
      case "user.sessions_ended": {
        const sockets = agents.in(userRoom(event.userId));
        (event.exceptSessionId ? sockets.except(sessionRoom(event.exceptSessionId)) : sockets).disconnectSockets(true);
        break;
      }
    }
  });
}

const summaryTicket = (ticket: TicketSummary) => ({
  id: ticket.id,
  status: ticket.status,
  createdAt: new Date(ticket.createdAt),
  lastMessageSeq: ticket.lastMessageSeq,
});
