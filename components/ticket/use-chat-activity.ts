"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { agentSocket } from "@/components/realtime/agent-socket";
import { useAgentEvent } from "@/components/realtime/use-agent-event";
import type { ChatDetails } from "@/lib/channels/chat/chat-details";
import type { MessageView } from "@/lib/tickets/ticket-views";

const typingShownMs = 6000;
const typingSendEveryMs = 1500;
const typingIdleMs = 3000;

/**
 * The live side of a chat ticket: whether the visitor is typing, the page they are on,
 * how far they have read; and, the other way, this agent's typing and reading.
 */
export function useChatActivity(ticketId: string, initial: ChatDetails | null, messages: MessageView[]) {
  // Typing as of the visitor's last message: their next message ends it.
  const [typing, setTyping] = useState({ on: false, atSeq: 0 });
  const [page, setPage] = useState(initial?.page ?? null);
  const [visitorReadSeq, setVisitorReadSeq] = useState(initial?.visitorReadSeq ?? 0);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sentAt = useRef(0);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const isChat = initial !== null;

  const lastVisitorSeq = messages.filter((m) => m.direction === "in").at(-1)?.seq ?? 0;
  useAgentEvent("visitor:typing", (event) => {
    if (event.ticketId !== ticketId) return;
    setTyping({ on: event.typing, atSeq: lastVisitorSeq });
    clearTimeout(typingTimer.current);
    if (event.typing) typingTimer.current = setTimeout(() => setTyping({ on: false, atSeq: 0 }), typingShownMs);
  });
  useAgentEvent("chat:page", (event) => {
    if (event.ticketId === ticketId) setPage(event.page);
  });
  useAgentEvent("chat:read", (event) => {
    if (event.ticketId === ticketId && event.reader === "visitor") setVisitorReadSeq((seq) => Math.max(seq, event.seq));
  });

  // The agent has read what this page shows.
  useEffect(() => {
    if (!isChat || lastVisitorSeq === 0) return;
    if (document.visibilityState === "visible") agentSocket().emit("ticket:read", { ticketId, seq: lastVisitorSeq });
  }, [isChat, ticketId, lastVisitorSeq]);

  useEffect(() => () => clearTimeout(typingTimer.current), []);

  const onTypingReply = useCallback(() => {
    if (!isChat) return;
    const socket = agentSocket();
    if (Date.now() - sentAt.current > typingSendEveryMs) {
      sentAt.current = Date.now();
      socket.emit("ticket:typing", { ticketId, typing: true });
    }
    clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(() => {
      sentAt.current = 0;
      socket.emit("ticket:typing", { ticketId, typing: false });
    }, typingIdleMs);
  }, [isChat, ticketId]);

  const lastReplySeq = messages.filter((m) => m.direction === "out" && m.kind === "reply").at(-1)?.seq ?? 0;
  const visitorTyping = typing.on && typing.atSeq === lastVisitorSeq;
  return { isChat, visitorTyping, page, seenByVisitor: lastReplySeq > 0 && visitorReadSeq >= lastReplySeq, onTypingReply };
}
