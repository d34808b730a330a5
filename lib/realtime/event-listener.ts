import type { Server } from "socket.io";
import { subscribe } from "@/lib/events/event-bus";
import { staffRoom, ticketRoom, userRoom } from "./rooms";

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
      case "user.deactivated":
        // The handshake refuses deactivated users; this ends the sockets they already had.
        agents.in(userRoom(event.userId)).disconnectSockets(true);
        break;
    }
  });
}
