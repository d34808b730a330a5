import { io, type Socket } from "socket.io-client";
import type { AgentServerEvents } from "@/lib/realtime/agent-events";
import type { MessageView } from "@/lib/tickets/ticket-views";

export type SyncResponse = { messages?: MessageView[]; error?: string };

type AgentClientEvents = {
  "ticket:watch": (ticketId: string) => void;
  "ticket:unwatch": (ticketId: string) => void;
  "ticket:sync": (request: { ticketId: string; afterSeq: number }, ack: (response: SyncResponse) => void) => void;
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
  socket.on("disconnect", () => setStatus("reconnecting"));
  socket.on("connect_error", () => setStatus(socket?.active ? "reconnecting" : "connecting"));
  return socket;
}

export function connectionStatus(): ConnectionStatus {
  return status;
}

export function onConnectionStatus(listener: () => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}
