import type { Namespace, Server, Socket } from "socket.io";
import type { ZodType } from "zod";
import { businessHoursAt } from "@/lib/channels/chat/business-hours";
import { findChatChannelByKey, type ChatChannel } from "@/lib/channels/chat/chat-channel";
import { findVisitorTicket, listVisitorConversations, listVisitorMessages, toVisitorConversation } from "@/lib/channels/chat/chat-queries";
import { chatMessageInput, offlineEmailInput, pageViewInput, readInput, startChatInput, syncInput, typingInput } from "@/lib/channels/chat/chat.validation";
import { leaveOfflineEmail } from "@/lib/channels/chat/leave-offline-email";
import { markChatRead } from "@/lib/channels/chat/mark-chat-read";
import { openVisitorSession, visitorAuth } from "@/lib/channels/chat/open-visitor-session";
import { RateLimiter } from "@/lib/channels/chat/rate-limiter";
import { receiveChatMessage } from "@/lib/channels/chat/receive-chat-message";
import { recordPageView } from "@/lib/channels/chat/record-page-view";
import { startChat } from "@/lib/channels/chat/start-chat";
import { WidgetRefusal, type Visitor } from "@/lib/channels/chat/visitor";
import { visitorConnected } from "@/lib/channels/chat/visitor-presence";
import type { Availability, VisitorSession, WidgetError } from "@/lib/channels/chat/widget-protocol";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { forwardedRequest } from "@/lib/http/forwarded-request";
import { logger } from "@/lib/logger";
import { chatVisitorRoom, staffRoom, ticketRoom } from "./rooms";
import { isSameOrigin } from "./same-origin";

export type WidgetSocketData = {
  visitor: Visitor;
  token: string;
  channel: ChatChannel;
  name: string | null;
  email: string | null;
  page: { url: string; title: string } | null;
  /** The visitor's own tickets seen on this socket: typing and reads go only to these. */
  tickets: Set<string>;
};

type WidgetSocket = Socket & { data: WidgetSocketData };

const minute = 60_000;

/**
 * The /widget namespace: chat visitors, from the panel iframe on our own origin. The
 * handshake decides who the visitor is (open-visitor-session.ts) before any handler runs;
 * the server alone joins the socket to the visitor's room, so a visitor only ever hears
 * about their own conversations, and every request is scoped to them again.
 */
export function configureWidgetNamespace(io: Server): Namespace {
  const widget = io.of("/widget");
  const ipLimit = getEnv().WIDGET_IP_RATE_LIMIT;
  const limits = {
    connectionsPerIp: new RateLimiter(Math.max(10, ipLimit / 2), minute),
    chatsPerIp: new RateLimiter(Math.max(3, ipLimit / 10), 10 * minute),
    messagesPerIp: new RateLimiter(ipLimit, minute),
    chatsPerVisitor: new RateLimiter(5, 10 * minute),
    messagesPerVisitor: new RateLimiter(20, 10_000),
    pagesPerVisitor: new RateLimiter(30, minute),
  };

  widget.use(async (socket, next) => {
    // Browsers reach this namespace only from our panel page; the frame-ancestors policy
    // of that page decides which websites may embed it.
    const { APP_URL, TRUST_PROXY } = getEnv();
    if (!isSameOrigin(socket.request.headers, APP_URL, TRUST_PROXY)) return next(new Error("unknown_widget"));
    const { address } = forwardedRequest(socket.request.headers, socket.request.socket.remoteAddress, TRUST_PROXY);
    if (!limits.connectionsPerIp.take(address)) return next(new Error("rate_limited"));
    const auth = visitorAuth.safeParse(socket.handshake.auth);
    if (!auth.success) return next(new Error("unknown_widget"));
    try {
      const channel = await findChatChannelByKey(db(), auth.data.key);
      if (!channel) return next(new Error("unknown_widget"));
      const { visitor, token, customer } = await openVisitorSession(channel, auth.data, address);
      socket.data = { visitor, token, channel, name: customer.name, email: customer.email, page: null, tickets: new Set() } satisfies WidgetSocketData;
      next();
    } catch (error) {
      if (error instanceof WidgetRefusal) return next(new Error(error.code));
      logger.error("widget socket authentication failed", { error });
      next(new Error("unavailable"));
    }
  });

  widget.on("connection", (rawSocket) => {
    const socket = rawSocket as WidgetSocket;
    const { visitor, channel } = socket.data;
    socket.join(chatVisitorRoom(visitor));
    const leave = visitorConnected(visitor);
    socket.on("disconnect", leave);

    const availability = (): Availability => {
      const hours = businessHoursAt(channel.settings.businessHours, new Date());
      const agentsOnline = (io.of("/agents").adapter.rooms.get(staffRoom)?.size ?? 0) > 0;
      return { online: hours.open && agentsOnline, nextOpenAt: hours.nextOpenAt?.toISOString() ?? null };
    };

    handle(socket, "session", null, async () => {
      const conversations = await listVisitorConversations(db(), visitor);
      for (const c of conversations) socket.data.tickets.add(c.ticketId);
      const session: VisitorSession = {
        anonymousId: visitor.anonymousId,
        token: socket.data.token,
        identified: visitor.identified,
        name: socket.data.name,
        email: socket.data.email,
        conversations,
        availability: availability(),
      };
      return { session };
    });

    handle(socket, "sync", syncInput, async ({ ticketId, afterSeq }) => {
      const found = await findVisitorTicket(db(), visitor, ticketId);
      if (!found) throw new AppError("not_found", "Conversation not found");
      socket.data.tickets.add(ticketId);
      return { messages: await listVisitorMessages(db(), ticketId, afterSeq), conversation: toVisitorConversation(found.ticket, found.conversation) };
    });

    handle(socket, "start", startChatInput, async (input) => {
      if (!limits.chatsPerVisitor.take(visitor.customerId) || !limits.chatsPerIp.take(visitor.address)) throw tooFast();
      const result = await startChat(visitor, input, { away: !availability().online, page: socket.data.page });
      socket.data.tickets.add(result.conversation.ticketId);
      return result;
    });

    handle(socket, "send", chatMessageInput, async (input) => {
      if (!limits.messagesPerVisitor.take(visitor.customerId) || !limits.messagesPerIp.take(visitor.address)) throw tooFast();
      return { message: await receiveChatMessage(visitor, input) };
    });

    handle(socket, "offline-email", offlineEmailInput, async ({ ticketId, email }) => ({
      conversation: await leaveOfflineEmail(visitor, ticketId, email),
    }));

    on(socket, "typing", typingInput, ({ ticketId, typing }) => {
      if (!socket.data.tickets.has(ticketId)) return;
      io.of("/agents").to(ticketRoom(ticketId)).emit("visitor:typing", { ticketId, typing });
    });

    on(socket, "read", readInput, ({ ticketId, seq }) => {
      if (socket.data.tickets.has(ticketId)) return markChatRead({ type: "visitor", ...visitor }, ticketId, seq);
    });

    on(socket, "page", pageViewInput, (page) => {
      if (!limits.pagesPerVisitor.take(visitor.customerId)) return;
      socket.data.page = { url: page.url, title: page.title };
      return recordPageView(visitor, page);
    });
  });
  return widget;
}

const tooFast = () => new AppError("rate_limited", "You're sending messages too quickly. Please wait a moment and try again.");

/** A request with an acknowledgement: validated, run, and answered with a result or a safe error. */
function handle<T>(socket: WidgetSocket, event: string, schema: ZodType<T> | null, run: (input: T) => Promise<object>) {
  socket.on(event, async (...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== "function") return;
    const payload = schema ? schema.safeParse(args[0]) : { success: true as const, data: undefined as T };
    if (!payload.success) {
      return ack({ ok: false, error: { code: "validation_failed", message: payload.error.issues[0]?.message ?? "Invalid request" } });
    }
    try {
      ack({ ok: true, ...(await run(payload.data)) });
    } catch (error) {
      ack({ ok: false, error: widgetError(error) });
    }
  });
}

/** A notification without an answer: validated; failures are only logged. */
function on<T>(socket: WidgetSocket, event: string, schema: ZodType<T>, run: (input: T) => void | Promise<void>) {
  socket.on(event, (payload: unknown) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return;
    Promise.resolve(run(parsed.data)).catch((error) => logger.error(`widget ${event} failed`, { error }));
  });
}

function widgetError(error: unknown): WidgetError {
  if (error instanceof AppError && error.status < 500) return { code: error.code, message: error.message };
  logger.error("widget request failed", { error });
  return { code: "internal_error", message: "Something went wrong. Please try again." };
}
