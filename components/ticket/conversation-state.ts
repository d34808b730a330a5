import type { MessageView } from "@/lib/tickets/ticket-views";

/** A message this browser has sent and the server has not confirmed yet. */
export type PendingMessage = {
  clientMessageId: string;
  kind: "reply" | "note";
  body: string;
  createdAt: string;
  failed: boolean;
};

export type ConversationState = { messages: MessageView[]; pending: PendingMessage[] };

export type ConversationAction =
  | { type: "received"; messages: MessageView[]; selfId: string }
  | { type: "updated"; message: MessageView }
  | { type: "pending-added"; pending: PendingMessage }
  | { type: "pending-confirmed"; clientMessageId: string; message: MessageView }
  | { type: "pending-failed"; clientMessageId: string }
  | { type: "pending-retried"; clientMessageId: string }
  | { type: "pending-dropped"; clientMessageId: string };

/** Stored messages by sequence number, each once, whatever order and however often they arrive. */
export function mergeMessages(current: MessageView[], incoming: MessageView[]): MessageView[] {
  const known = new Set(current.map((message) => message.id));
  const fresh = incoming.filter((message) => !known.has(message.id) && known.add(message.id));
  if (fresh.length === 0) return current;
  return [...current, ...fresh].sort((a, b) => a.seq - b.seq);
}

export function lastSeq(messages: MessageView[]): number {
  return messages.reduce((max, message) => Math.max(max, message.seq), 0);
}

export function conversationReducer(state: ConversationState, action: ConversationAction): ConversationState {
  switch (action.type) {
    case "received": {
      const messages = mergeMessages(state.messages, action.messages);
      // Our own message can arrive over the socket before the send call returns: it
      // replaces the optimistic copy at once, so the text never shows twice.
      let pending = state.pending;
      for (const message of action.messages) {
        if (message.author?.type !== "user" || message.author.id !== action.selfId) continue;
        const index = pending.findIndex((p) => p.kind === message.kind && p.body.trim() === message.bodyText);
        if (index >= 0) pending = pending.filter((_, i) => i !== index);
      }
      return messages === state.messages && pending === state.pending ? state : { messages, pending };
    }
    case "updated": {
      const index = state.messages.findIndex((message) => message.id === action.message.id);
      if (index < 0) return state;
      return { ...state, messages: state.messages.map((message, i) => (i === index ? action.message : message)) };
    }
    case "pending-added":
      return { ...state, pending: [...state.pending, action.pending] };
    case "pending-confirmed":
      return {
        messages: mergeMessages(state.messages, [action.message]),
        pending: state.pending.filter((p) => p.clientMessageId !== action.clientMessageId),
      };
    case "pending-failed":
    case "pending-retried":
      return {
        ...state,
        pending: state.pending.map((p) =>
          p.clientMessageId === action.clientMessageId ? { ...p, failed: action.type === "pending-failed" } : p,
        ),
      };
    case "pending-dropped":
      return { ...state, pending: state.pending.filter((p) => p.clientMessageId !== action.clientMessageId) };
  }
}
