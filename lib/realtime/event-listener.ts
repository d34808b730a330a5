import type { Server } from "socket.io";
import { subscribe } from "@/lib/events/event-bus";
import { customerRoom, staffRoom, ticketRoom, userRoom } from "./rooms";

/**
 * The one place that turns domain events into socket.io messages. The /agents namespace
 * only holds authenticated staff, so notes may go there; customer-facing namespaces
 * must never receive a message whose `internal` flag is set.
 */
export function forwardEventsToSockets(io: Server): () => void {
  const agents = io.of("/agents");
  return subscribe((event) => {
    switch (event.type) {
      case "ticket.created":
      case "ticket.updated":
        agents.to(staffRoom).emit("ticket:changed", event.ticket);
        break;
      case "message.created":
        agents.to(staffRoom).emit("ticket:changed", event.ticket);
        agents.to(ticketRoom(event.ticket.id)).emit("message:created", event.message);
        break;
      case "message.updated":
        agents.to(ticketRoom(event.ticket.id)).emit("message:updated", event.message);
        break;
      case "user.deactivated":
        // The handshake refuses deactivated users; this ends the sockets they already had.
        agents.in(userRoom(event.userId)).disconnectSockets(true);
        break;
      case "touchpoint.created":
        // Only pages showing this customer follow it (customer:watch): the inbox does not
        // need every page view of every visitor.
        agents.to(customerRoom(event.customerId)).emit("timeline:created", { customerId: event.customerId, items: event.items });
        break;
      case "customer.merged":
      case "customer.unmerged":
        agents
          .to([customerRoom(event.survivorId), customerRoom(event.mergedId)])
          .emit("customer:changed", { customerIds: [event.survivorId, event.mergedId], change: event.type });
        break;
    }
  });
}
