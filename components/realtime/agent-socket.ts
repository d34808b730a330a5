import { io, type Socket } from "socket.io-client";
import type { AgentServerEvents } from "@/lib/realtime/agent-events";
import type { MessageView, TicketActivityView } from "@/lib/tickets/ticket-views";

export type SyncResponse = { messages?: MessageView[]; activity?: TicketActivityView[]; error?: string };

type AgentClientEvents = {
  "ticket:watch": (ticketId: string) => void;
  "ticket:unwatch": (ticketId: string) => void;
  "customer:watch": (customerId: string) => void;
  "customer:unwatch": (customerId: string) => void;
  "ticket:sync": (request: { ticketId: string; afterSeq: number }, ack: (response: SyncResponse) => void) => void;
  "ticket:typing": (request: { ticketId: string; typing: boolean }) => void;
  "ticket:read": (request: { ticketId: string; seq: number }) => void;
};

export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

export type ConnectionStatus = "connecting" | "live" | "reconnecting";

// One socket per browser tab, shared by every component that listens. The session cookie
// travels with the handshake; the server decides which rooms the socket joins.
let socket: AgentSocket | null = null;
let status: ConnectionStatus = "connecting";
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
    setStatus(socket?.active ? "reconnecting" : "connecting");
  });
  return socket;
}

// A session that expired or was ended: back to the login page, then back here.
function signInAgain() {
  const here = window.location.pathname + window.location.search;
  window.location.assign(`/login?callbackUrl=${encodeURIComponent(here)}`);
}

export function connectionStatus(): ConnectionStatus {
  return status;
}

export function onConnectionStatus(listener: () => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}
