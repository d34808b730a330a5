import type { MessageView, TicketActivityView } from "@/lib/tickets/ticket-views";

/** A message this browser has sent and the server has not confirmed yet. */
export type PendingMessage = {
  clientMessageId: string;
  kind: "reply" | "note";
  body: string;
  /** Files an email reply carries; sent again with a retry. */
  files?: File[];
  /** The teammates a note mentions, by id. */
  mentions?: string[];
  createdAt: string;
  failed: boolean;
};

export type ConversationState = { messages: MessageView[]; pending: PendingMessage[]; activity: TicketActivityView[] };

export type ConversationAction =
  | { type: "received"; messages: MessageView[]; selfId: string }
  | { type: "updated"; message: MessageView }
  | { type: "activity-received"; activity: TicketActivityView[] }
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

/** Changes by time, each once, however often they arrive. */
export function mergeActivity(current: TicketActivityView[], incoming: TicketActivityView[]): TicketActivityView[] {
  const known = new Set(current.map((event) => event.id));
  const fresh = incoming.filter((event) => !known.has(event.id) && known.add(event.id));
  if (fresh.length === 0) return current;
  return [...current, ...fresh].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export type ConversationEntry = { type: "message"; message: MessageView } | { type: "activity"; event: TicketActivityView };

/**
 * Messages in sequence order with the changes placed between them by time. A change made
 * in the same instant as a message (the customer's message that reopened the ticket)
 * follows it.
 */
export function interleave(messages: MessageView[], activity: TicketActivityView[]): ConversationEntry[] {
  const entries: ConversationEntry[] = [];
  let next = 0;
  for (const message of messages) {
    while (next < activity.length && activity[next]!.createdAt < message.createdAt) {
      entries.push({ type: "activity", event: activity[next++]! });
    }
    entries.push({ type: "message", message });
  }
  for (; next < activity.length; next++) entries.push({ type: "activity", event: activity[next]! });
  return entries;
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
      return messages === state.messages && pending === state.pending ? state : { ...state, messages, pending };
    }
    case "updated": {
      const index = state.messages.findIndex((message) => message.id === action.message.id);
      if (index < 0) return state;
      return { ...state, messages: state.messages.map((message, i) => (i === index ? action.message : message)) };
    }
    case "pending-added":
      return { ...state, pending: [...state.pending, action.pending] };
    case "activity-received": {
      const activity = mergeActivity(state.activity, action.activity);
      return activity === state.activity ? state : { ...state, activity };
    }
    case "pending-confirmed":
      return {
        ...state,
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
