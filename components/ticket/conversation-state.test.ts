import { describe, expect, it } from "vitest";
import type { MessageView, TicketActivityView } from "@/lib/tickets/ticket-views";
import {
  conversationReducer,
  interleave,
  lastSeq,
  mergeMessages,
  type ConversationState,
  type PendingMessage,
} from "./conversation-state";

const message = (seq: number, overrides: Partial<MessageView> = {}): MessageView => ({
  id: `m${seq}`,
  ticketId: "t",
  seq,
  direction: "out",
  kind: "reply",
  internal: false,
  author: { type: "user", id: "me", name: "Me", email: "me@example.com" },
  bodyText: `body ${seq}`,
  bodyHtml: null,
  clientMessageId: null,
  deliveryState: null,
  deliveryError: null,
  attachments: [],
  createdAt: "2026-01-01T10:00:00.000Z",
  ...overrides,
});

const pending = (body: string, kind: "reply" | "note" = "reply"): PendingMessage => ({
  clientMessageId: `c-${body}`,
  kind,
  body,
  createdAt: "2026-01-01T10:00:00.000Z",
  failed: false,
});

describe("conversation state", () => {
  it("keeps messages in sequence order and each once", () => {
    const merged = mergeMessages([message(1), message(3)], [message(2), message(3), message(2)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(lastSeq(merged)).toBe(3);
  });

  it("replaces the optimistic copy when our own message arrives live", () => {
    const state = { messages: [message(1)], pending: [pending("hello"), pending("hello", "note")], activity: [] };
    const next = conversationReducer(state, {
      type: "received",
      messages: [message(2, { bodyText: "hello", kind: "note", internal: true })],
      selfId: "me",
    });
    expect(next.pending.map((p) => p.kind)).toEqual(["reply"]);
    expect(next.messages).toHaveLength(2);
  });

  it("does not drop a pending message because a teammate wrote the same words", () => {
    const state = { messages: [], pending: [pending("ok")], activity: [] };
    const teammate = message(1, { bodyText: "ok", author: { type: "user", id: "other", name: "O", email: null } });
    expect(conversationReducer(state, { type: "received", messages: [teammate], selfId: "me" }).pending).toHaveLength(1);
  });

  it("confirms, fails and retries a pending message by its client id", () => {
    let state: ConversationState = { messages: [], pending: [pending("hi")], activity: [] };
    state = conversationReducer(state, { type: "pending-failed", clientMessageId: "c-hi" });
    expect(state.pending[0]?.failed).toBe(true);
    state = conversationReducer(state, { type: "pending-retried", clientMessageId: "c-hi" });
    expect(state.pending[0]?.failed).toBe(false);
    state = conversationReducer(state, { type: "pending-confirmed", clientMessageId: "c-hi", message: message(1) });
    expect(state.pending).toHaveLength(0);
    expect(state.messages).toHaveLength(1);
  });
});

describe("a message update", () => {
  it("replaces the stored copy, e.g. when its delivery state moves", () => {
    const state: ConversationState = { messages: [message(1, { deliveryState: "queued" })], pending: [], activity: [] };
    const next = conversationReducer(state, { type: "updated", message: message(1, { deliveryState: "retrying", deliveryError: "421 try later" }) });
    expect(next.messages[0]).toMatchObject({ deliveryState: "retrying", deliveryError: "421 try later" });
  });

  it("ignores an update for a message it does not hold yet", () => {
    const state: ConversationState = { messages: [message(1)], pending: [], activity: [] };
    expect(conversationReducer(state, { type: "updated", message: message(2) })).toBe(state);
  });

  it("places changes between messages by time, each once, after a message of the same instant", () => {
    const change = (id: string, createdAt: string): TicketActivityView => ({
      id,
      ticketId: "t",
      type: "status.changed",
      actor: null,
      data: { from: "resolved", to: "open" },
      people: {},
      createdAt,
    });
    const messages = [
      message(1, { createdAt: "2026-01-01T10:00:00.000Z" }),
      message(2, { createdAt: "2026-01-01T11:00:00.000Z" }),
    ];
    let state: ConversationState = { messages, pending: [], activity: [] };
    state = conversationReducer(state, { type: "activity-received", activity: [change("late", "2026-01-01T12:00:00.000Z")] });
    state = conversationReducer(state, {
      type: "activity-received",
      activity: [change("same", "2026-01-01T11:00:00.000Z"), change("early", "2026-01-01T10:30:00.000Z"), change("late", "2026-01-01T12:00:00.000Z")],
    });
    expect(
      interleave(state.messages, state.activity).map((entry) => (entry.type === "message" ? entry.message.seq : entry.event.id)),
    ).toEqual([1, "early", 2, "same", "late"]);
  });
});
