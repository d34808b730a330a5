"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { agentSocket } from "@/components/realtime/agent-socket";
import { useAgentEvent } from "@/components/realtime/use-agent-event";

type Person = { id: string; name: string };

// A colleague who said "typing" and then went quiet (closed the laptop) stops showing as typing.
const typingStaleMs = 8_000;
const typingSendEveryMs = 3_000;
const typingIdleMs = 5_000;

/** Colleagues who have this ticket open and who of them is writing a reply; `onComposing` tells them about us. */
export function useTicketPresence(ticketId: string, selfId: string) {
  const [viewers, setViewers] = useState<Person[]>([]);
  const [typing, setTyping] = useState<Record<string, { name: string; at: number }>>({});
  const sentAt = useRef(0);
  const idleTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useAgentEvent("ticket:presence", (event) => {
    if (event.ticketId === ticketId) setViewers(event.viewers.filter((viewer) => viewer.id !== selfId));
  });
  useAgentEvent("ticket:composing", (event) => {
    if (event.ticketId !== ticketId || event.user.id === selfId) return;
    setTyping((current) => {
      const next = { ...current };
      if (event.typing) next[event.user.id] = { name: event.user.name, at: Date.now() };
      else delete next[event.user.id];
      return next;
    });
  });

  useEffect(() => {
    const timer = setInterval(() => {
      setTyping((current) => {
        const fresh = Object.entries(current).filter(([, entry]) => Date.now() - entry.at < typingStaleMs);
        return fresh.length === Object.keys(current).length ? current : Object.fromEntries(fresh);
      });
    }, 2_000);
    return () => {
      clearInterval(timer);
      clearTimeout(idleTimer.current);
    };
  }, []);

  const onComposing = useCallback(() => {
    const socket = agentSocket();
    if (Date.now() - sentAt.current > typingSendEveryMs) {
      sentAt.current = Date.now();
      socket.emit("ticket:composing", { ticketId, typing: true });
    }
    clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(() => {
      sentAt.current = 0;
      socket.emit("ticket:composing", { ticketId, typing: false });
    }, typingIdleMs);
  }, [ticketId]);

  const stopComposing = useCallback(() => {
    clearTimeout(idleTimer.current);
    if (sentAt.current === 0) return;
    sentAt.current = 0;
    agentSocket().emit("ticket:composing", { ticketId, typing: false });
  }, [ticketId]);

  const typingNames = viewers.filter((viewer) => typing[viewer.id]).map((viewer) => viewer.name);
  return { viewers, typingNames, onComposing, stopComposing };
}
