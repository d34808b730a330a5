import { describe, expect, it } from "vitest";
import type { MessageView } from "@/lib/tickets/ticket-views";
import { conversationReducer, lastSeq, mergeMessages, type ConversationState, type PendingMessage } from "./conversation-state";

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
    const state = { messages: [message(1)], pending: [pending("hello"), pending("hello", "note")] };
    const next = conversationReducer(state, {
      type: "received",
      messages: [message(2, { bodyText: "hello", kind: "note", internal: true })],
      selfId: "me",
    });
    expect(next.pending.map((p) => p.kind)).toEqual(["reply"]);
    expect(next.messages).toHaveLength(2);
  });

  it("does not drop a pending message because a teammate wrote the same words", () => {
    const state = { messages: [], pending: [pending("ok")] };
    const teammate = message(1, { bodyText: "ok", author: { type: "user", id: "other", name: "O", email: null } });
    expect(conversationReducer(state, { type: "received", messages: [teammate], selfId: "me" }).pending).toHaveLength(1);
  });

  it("confirms, fails and retries a pending message by its client id", () => {
    let state: ConversationState = { messages: [], pending: [pending("hi")] };
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
    const state: ConversationState = { messages: [message(1, { deliveryState: "queued" })], pending: [] };
    const next = conversationReducer(state, { type: "updated", message: message(1, { deliveryState: "retrying", deliveryError: "421 try later" }) });
    expect(next.messages[0]).toMatchObject({ deliveryState: "retrying", deliveryError: "421 try later" });
  });

  it("ignores an update for a message it does not hold yet", () => {
    const state: ConversationState = { messages: [message(1)], pending: [] };
    expect(conversationReducer(state, { type: "updated", message: message(2) })).toBe(state);
  });
});
