import { io, type Socket } from "socket.io-client";
import type { ActionResult } from "@/app/(app)/action-result";
import { passwordChangeRequiredError, type AgentServerEvents } from "@/lib/realtime/agent-events";
import type { ReplyResult } from "@/lib/realtime/agent-replies";
import type { MessageView, TicketActivityView } from "@/lib/tickets/ticket-views";

export type SyncResponse = { messages?: MessageView[]; activity?: TicketActivityView[]; error?: string };

type AgentClientEvents = {
  "ticket:watch": (ticketId: string) => void;
  "ticket:unwatch": (ticketId: string) => void;
  "customer:watch": (customerId: string) => void;
  "customer:unwatch": (customerId: string) => void;
  "ticket:sync": (request: { ticketId: string; afterSeq: number }, ack: (response: SyncResponse) => void) => void;
  "ticket:typing": (request: { ticketId: string; typing: boolean }) => void;
  /** This page's person is writing a reply (or stopped): shown to colleagues on the ticket. */
  "ticket:composing": (request: { ticketId: string; typing: boolean }) => void;
  "ticket:read": (request: { ticketId: string; seq: number }) => void;
  "ticket:reply": (request: ReplyRequest, ack: (result: ReplyResult) => void) => void;
};

type ReplyRequest = { ticketId: string; kind: "reply" | "note"; body: string; clientMessageId: string; via?: "email" };

export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

export type ConnectionStatus = "connecting" | "live" | "reconnecting";

// One socket per browser tab, shared by every component that listens. The session cookie
// travels with the handshake; the server decides which rooms the socket joins.
let socket: AgentSocket | null = null;
let status: ConnectionStatus = "connecting";
const passwordChangeRetryMs = 3000;
const statusListeners = new Set<() => void>();

function setStatus(next: ConnectionStatus) {
  if (status === next) return;
  status = next;
  for (const listener of statusListeners) listener();
}

export function agentSocket(): AgentSocket {
  if (socket) return socket;
  socket = io("/agents", { withCredentials: true });
  socket.on("connect", () => setStatus("live"));
  socket.on("disconnect", (reason) => {
    setStatus("reconnecting");
    // The server ended the socket (the person was deactivated, say): socket.io won't retry
    // by itself, and the retry's handshake says whether the session still holds.
    if (reason === "io server disconnect") socket?.connect();
  });
  socket.on("connect_error", (error) => {
    if (error.message === "unauthorized") return signInAgain();
    // Refused until a temporary password is replaced: the form reconnects once it is, and
    // until then a retry now and then notices a session that ended meanwhile.
    if (error.message === passwordChangeRequiredError) {
      setStatus("connecting");
      return void setTimeout(reconnectAgentSocket, passwordChangeRetryMs);
    }
    setStatus(socket?.active ? "reconnecting" : "connecting");
  });
  return socket;
}

// A session that expired or was ended: back to the login page, then back here.
function signInAgain() {
  const here = window.location.pathname + window.location.search;
  window.location.assign(`/login?callbackUrl=${encodeURIComponent(here)}`);
}

/** Hangs up for good (signing out): a client-side disconnect is never retried. */
export function closeAgentSocket() {
  socket?.disconnect();
}

/** Tries the handshake again after something that changes its answer (a password change). */
export function reconnectAgentSocket() {
  if (socket && !socket.connected && !socket.active) socket.connect();
}

export function connectionStatus(): ConnectionStatus {
  return status;
}

export function onConnectionStatus(listener: () => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

const replyTimeoutMs = 15_000;

/**
 * Sends a reply or note over the open socket (no HTTP request per message). Throws when no
 * answer comes in time: the caller retries with the same client message id, which the
 * server stores once.
 */
export async function sendOverSocket(request: ReplyRequest): Promise<ActionResult<MessageView>> {
  const result = await agentSocket().timeout(replyTimeoutMs).emitWithAck("ticket:reply", request);
  return result.ok ? { ok: true, data: result.message } : { ok: false, error: result.error.message };
}
