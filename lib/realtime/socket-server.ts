import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import { Server, type Namespace } from "socket.io";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { canManageSettings } from "@/lib/auth/permissions";
import { sessionFromCookieHeader } from "@/lib/auth/session-cookie";
import { findSessionUser } from "@/lib/auth/sessions";
import { userActor } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { listTicketActivity } from "@/lib/tickets/ticket-activity-queries";
import { listMessages } from "@/lib/tickets/ticket-queries";
import { handleAgentChatEvents } from "./agent-chat-events";
import { passwordChangeRequiredError } from "./agent-events";
import { handleAgentReplies } from "./agent-replies";
import { customerRoom, sessionRoom, settingsRoom, staffRoom, ticketRoom, userRoom } from "./rooms";
import { isSameOrigin } from "./same-origin";
import { handleTicketPresence } from "./ticket-presence";
import { configureWidgetNamespace } from "./widget-namespace";

export type AgentSocketData = {
  userId: string;
  name: string;
  sessionId: string;
  admin: boolean;
  /** Who replies through this socket; a deactivation or an ended session ends the socket too. */
  actor: Actor;
};

const watchRequest = z.uuid();
const syncRequest = z.object({ ticketId: z.uuid(), afterSeq: z.number().int().min(0) });

/**
 * socket.io on the app's own HTTP server. Clients never pick their rooms: the server
 * joins each socket after checking who it is.
 */
export async function attachRealtime(
  httpServer: HttpServer,
  options: { redisUrl?: string },
): Promise<{ io: Server; close: () => Promise<void> }> {
  const io = new Server(httpServer, {
    serveClient: false,
    // A recovered socket goes through the auth middleware again (socket.io skips it by
    // default): someone deactivated while their connection was down must not get back in.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
  });
  const redis = options.redisUrl ? createClient({ url: options.redisUrl }) : null;
  if (redis) {
    redis.on("error", (error) => logger.error("redis error", { error }));
    await redis.connect();
    io.adapter(createAdapter(redis));
    logger.info("Realtime fans out through Redis");
  }
  configureAgentNamespace(io.of("/agents"), io);
  configureWidgetNamespace(io);
  return {
    io,
    close: async () => {
      await io.close();
      await redis?.quit();
    },
  };
}

function configureAgentNamespace(agents: Namespace, io: Server) {
  agents.use(async (socket, next) => {
    const { APP_URL, TRUST_PROXY } = getEnv();
    if (!isSameOrigin(socket.request.headers, APP_URL, TRUST_PROXY)) return next(new Error("forbidden origin"));
    try {
      const session = await sessionFromCookieHeader(socket.request.headers.cookie);
      const user = session ? await findSessionUser(db(), session) : null;
      if (!session || !user) return next(new Error("unauthorized"));
      // The same gate as pages and actions: a temporary password opens /account and nothing else.
      if (user.mustChangePassword) return next(new Error(passwordChangeRequiredError));
      socket.data = {
        userId: user.id,
        name: user.name,
        sessionId: session.sessionId,
        admin: canManageSettings(userActor(user)),
        actor: userActor(user),
      } satisfies AgentSocketData;
      next();
    } catch (error) {
      logger.error("agent socket authentication failed", { error });
      next(new Error("unavailable"));
    }
  });

  agents.on("connection", (socket) => {
    // Every staff role may read every ticket, so each signed-in socket follows the inbox.
    const { userId, name, sessionId, admin } = socket.data as AgentSocketData;
    socket.join([staffRoom, userRoom(userId), sessionRoom(sessionId), ...(admin ? [settingsRoom] : [])]);
    handleAgentChatEvents(io, socket, userId);
    handleAgentReplies(socket, socket.data as AgentSocketData);

    socket.on("ticket:watch", (ticketId: unknown) => {
      const parsed = watchRequest.safeParse(ticketId);
      if (parsed.success) socket.join(ticketRoom(parsed.data));
    });
    socket.on("ticket:unwatch", (ticketId: unknown) => {
      const parsed = watchRequest.safeParse(ticketId);
      if (parsed.success) socket.leave(ticketRoom(parsed.data));
    });
    handleTicketPresence(agents, socket, { id: userId, name });
    // Every staff role may read every customer, so any signed-in socket may follow one.
    socket.on("customer:watch", (customerId: unknown) => {
      const parsed = watchRequest.safeParse(customerId);
      if (parsed.success) socket.join(customerRoom(parsed.data));
    });
    socket.on("customer:unwatch", (customerId: unknown) => {
      const parsed = watchRequest.safeParse(customerId);
      if (parsed.success) socket.leave(customerRoom(parsed.data));
    });
    // A client that reconnects or sees a gap in sequence numbers asks for what it missed.
    socket.on("ticket:sync", async (request: unknown, ack: unknown) => {
      if (typeof ack !== "function") return;
      const parsed = syncRequest.safeParse(request);
      if (!parsed.success) return ack({ error: "bad_request" });
      try {
        // Changes have no sequence number; there are few, so a catching-up page gets them all.
        const [messages, activity] = await Promise.all([
          listMessages(db(), parsed.data.ticketId, parsed.data.afterSeq),
          listTicketActivity(db(), parsed.data.ticketId),
        ]);
        ack({ messages, activity });
      } catch (error) {
        logger.error("ticket sync failed", { error });
        ack({ error: "internal_error" });
      }
    });
  });
}
