import type { Socket } from "socket.io";
import { z } from "zod";
import { addMessage } from "@/lib/tickets/add-message";
import { addMessageInput } from "@/lib/tickets/ticket.validation";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { AgentSocketData } from "./socket-server";

const replyRequest = addMessageInput.extend({ ticketId: z.uuid() });

export type ReplyResult = { ok: true; message: Awaited<ReturnType<typeof addMessage>> } | { ok: false; error: { code: string; message: string } };

/**
 * A reply or note sent over the agent's socket (`ticket:reply`), the same use-case as the
 * server action and the REST API without an HTTP request around it: a busy chat's answers
 * cost the server only the message's own work. The socket's handshake authenticated the
 * person (and refused a temporary password); the same client message id again returns the
 * stored message.
 */
export function handleAgentReplies(socket: Socket, data: AgentSocketData) {
  socket.on("ticket:reply", async (request: unknown, ack: unknown) => {
    if (typeof ack !== "function") return;
    const answer = ack as (result: ReplyResult) => void;
    const parsed = replyRequest.safeParse(request);
    if (!parsed.success) return answer({ ok: false, error: { code: "validation_failed", message: parsed.error.issues[0]?.message ?? "Invalid request" } });
    const { ticketId, ...input } = parsed.data;
    try {
      answer({ ok: true, message: await addMessage(data.actor, ticketId, input) });
    } catch (error) {
      if (error instanceof AppError && error.status < 500) return answer({ ok: false, error: { code: error.code, message: error.message } });
      logger.error("agent reply failed", { error });
      answer({ ok: false, error: { code: "internal_error", message: "Something went wrong. Please try again." } });
    }
  });
}
