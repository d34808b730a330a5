"use client";

import { useEffect, useRef } from "react";
import type { AgentServerEvents } from "@/lib/realtime/agent-events";
import { agentSocket } from "./agent-socket";

/** Calls the latest `handler` for each `event` from the server while the component is mounted. */
export function useAgentEvent<E extends keyof AgentServerEvents>(event: E, handler: AgentServerEvents[E]) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const socket = agentSocket();
    const listener = ((...args: Parameters<AgentServerEvents[E]>) =>
      (latest.current as (...a: typeof args) => void)(...args)) as AgentServerEvents[E];
    // socket.io's typed `on` cannot relate a generic event name to its listener.
    (socket.on as (event: E, listener: AgentServerEvents[E]) => void)(event, listener);
    return () => {
      (socket.off as (event: E, listener: AgentServerEvents[E]) => void)(event, listener);
    };
  }, [event]);
}

/**
 * Calls `handler` every time the socket (re)connects, and once on mount when it is
 * already connected: the moment to (re)join rooms and catch up on what was missed.
 */
export function useOnConnect(handler: () => void) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const socket = agentSocket();
    const listener = () => latest.current();
    socket.on("connect", listener);
    if (socket.connected) listener();
    return () => {
      socket.off("connect", listener);
    };
  }, []);
}
