import type { Namespace, Socket } from "socket.io";
import { z } from "zod";
import { logger } from "@/lib/logger";
import { ticketRoom } from "./rooms";

const composingRequest = z.object({ ticketId: z.uuid(), typing: z.boolean() });
const ticketRoomPrefix = ticketRoom("");

export type TicketViewer = { id: string; name: string };

/**
 * Who has a ticket open, from the sockets in its room (across nodes through the adapter),
 * sent to that room whenever someone opens or leaves it; and who is writing a reply there,
 * passed on to the others as it happens, never stored.
 */
export function handleTicketPresence(agents: Namespace, socket: Socket, me: TicketViewer) {
  // Registered after the handlers that join and leave the room: they have run by now.
  socket.on("ticket:watch", (ticketId: unknown) => void announce(agents, ticketId));
  socket.on("ticket:unwatch", (ticketId: unknown) => void announce(agents, ticketId));
  socket.on("disconnecting", () => {
    const left = [...socket.rooms].filter((room) => room.startsWith(ticketRoomPrefix)).map((room) => room.slice(ticketRoomPrefix.length));
    socket.once("disconnect", () => left.forEach((ticketId) => void announce(agents, ticketId)));
  });
  socket.on("ticket:composing", (request: unknown) => {
    const parsed = composingRequest.safeParse(request);
    if (!parsed.success || !socket.rooms.has(ticketRoom(parsed.data.ticketId))) return;
    socket.to(ticketRoom(parsed.data.ticketId)).emit("ticket:composing", { ticketId: parsed.data.ticketId, user: me, typing: parsed.data.typing });
  });
}

async function announce(agents: Namespace, ticketId: unknown) {
  if (!z.uuid().safeParse(ticketId).success) return;
  const room = ticketRoom(ticketId as string);
  try {
    const sockets = await agents.in(room).fetchSockets();
    const viewers = new Map<string, TicketViewer>();
    for (const { data } of sockets) {
      const { userId, name } = data as { userId: string; name: string };
      viewers.set(userId, { id: userId, name });
    }
    agents.to(room).emit("ticket:presence", { ticketId: ticketId as string, viewers: [...viewers.values()] });
  } catch (error) {
    logger.error("ticket presence failed", { error });
  }
}
