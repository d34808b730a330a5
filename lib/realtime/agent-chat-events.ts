import { and, eq } from "drizzle-orm";
import type { Server, Socket } from "socket.io";
import { z } from "zod";
import { markChatRead } from "@/lib/channels/chat/mark-chat-read";
import { db } from "@/lib/db/client";
import { tickets, users } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { chatVisitorRoom } from "./rooms";

const typingRequest = z.object({ ticketId: z.uuid(), typing: z.boolean() });
const readRequest = z.object({ ticketId: z.uuid(), seq: z.number().int().min(0) });

/**
 * What an agent's page says about a chat it shows: the agent is typing (passed straight
 * to the visitor, never stored) and has read up to a message (a read receipt). Only for
 * an authenticated /agents socket, which may work any ticket.
 */
export function handleAgentChatEvents(io: Server, socket: Socket, userId: string) {
  socket.on("ticket:typing", async (request: unknown) => {
    const parsed = typingRequest.safeParse(request);
    if (!parsed.success) return;
    try {
      const [row] = await db()
        .select({ channelId: tickets.channelId, customerId: tickets.customerId, name: users.name })
        .from(tickets)
        .innerJoin(users, eq(users.id, userId))
        .where(and(eq(tickets.id, parsed.data.ticketId), eq(tickets.channel, "chat")));
      if (!row?.channelId) return;
      io.of("/widget")
        .to(chatVisitorRoom({ channelId: row.channelId, customerId: row.customerId }))
        .emit("typing", { ticketId: parsed.data.ticketId, typing: parsed.data.typing, name: firstName(row.name) });
    } catch (error) {
      logger.error("agent typing failed", { error });
    }
  });

  socket.on("ticket:read", (request: unknown) => {
    const parsed = readRequest.safeParse(request);
    if (!parsed.success) return;
    markChatRead({ type: "agent" }, parsed.data.ticketId, parsed.data.seq).catch((error) => logger.error("agent read failed", { error }));
  });
}

// Visitors see the first name only, as in any chat with a shop.
const firstName = (name: string) => name.split(/\s+/)[0] ?? name;
