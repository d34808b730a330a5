"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import { sendMessage } from "@/app/(app)/tickets/[id]/actions";
import { agentSocket, sendOverSocket } from "@/components/realtime/agent-socket";
import { useAgentEvent, useOnConnect } from "@/components/realtime/use-agent-event";
import type { MessageView, TicketActivityView } from "@/lib/tickets/ticket-views";
import { conversationReducer, lastSeq, type PendingMessage } from "./conversation-state";
import { newClientMessageId } from "./new-client-message-id";

const syncTimeoutMs = 5000;
// ticket:changed is emitted just before message:created; give the message a moment to
// arrive before concluding it was lost.
const missingMessageGraceMs = 1500;

/**
 * The conversation of one ticket, live: watches the ticket's room, appends messages by
 * sequence number and changes (status, assignee…) by time, asks the server for anything
 * after the last known sequence on (re)connect or when a gap shows, and sends with
 * optimistic copies.
 */
export function useTicketMessages(
  ticketId: string,
  initialMessages: MessageView[],
  initialActivity: TicketActivityView[],
  selfId: string,
  /** Named on every reply when it leaves on another channel than the ticket's (a phone ticket's email). */
  via?: "email",
) {
  const [state, dispatch] = useReducer(conversationReducer, { messages: initialMessages, pending: [], activity: initialActivity });
  const lastSeqRef = useRef(lastSeq(initialMessages));
  const graceTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const receive = useCallback(
    (messages: MessageView[]) => {
      const mine = messages.filter((message) => message.ticketId === ticketId);
      if (mine.length === 0) return;
      dispatch({ type: "received", messages: mine, selfId });
      lastSeqRef.current = Math.max(lastSeqRef.current, lastSeq(mine));
    },
    [ticketId, selfId],
  );

  const sync = useCallback(() => {
    agentSocket()
      .timeout(syncTimeoutMs)
      .emit("ticket:sync", { ticketId, afterSeq: lastSeqRef.current }, (error, response) => {
        if (error) return;
        if (response.messages) receive(response.messages);
        if (response.activity) dispatch({ type: "activity-received", activity: response.activity });
      });
  }, [ticketId, receive]);

  useOnConnect(() => {
    agentSocket().emit("ticket:watch", ticketId);
    sync();
  });

  useEffect(() => {
    const socket = agentSocket();
    return () => {
      clearTimeout(graceTimer.current);
      socket.emit("ticket:unwatch", ticketId);
    };
  }, [ticketId]);

  useAgentEvent("message:created", (message) => {
    if (message.ticketId !== ticketId) return;
    const before = lastSeqRef.current;
    receive([message]);
    if (message.seq > before + 1) sync();
  });

  useAgentEvent("ticket:activity", (activity) => {
    const mine = activity.filter((event) => event.ticketId === ticketId);
    if (mine.length > 0) dispatch({ type: "activity-received", activity: mine });
  });

  useAgentEvent("message:updated", (message) => {
    if (message.ticketId === ticketId) dispatch({ type: "updated", message });
  });

  /** Called with the ticket's latest sequence from ticket:changed. */
  const expectSeq = useCallback(
    (seq: number) => {
      if (seq <= lastSeqRef.current) return;
      clearTimeout(graceTimer.current);
      graceTimer.current = setTimeout(() => {
        if (seq > lastSeqRef.current) sync();
      }, missingMessageGraceMs);
    },
    [sync],
  );

  const deliver = useCallback(
    async (pending: PendingMessage): Promise<string | null> => {
      try {
        const request = {
          kind: pending.kind,
          body: pending.body,
          clientMessageId: pending.clientMessageId,
          ...(pending.kind === "reply" && via ? { via } : {}),
          ...(pending.kind === "note" && pending.mentions?.length ? { mentions: pending.mentions } : {}),
        };
        // The live socket when there is one and no files go along; the server action otherwise.
        const files = pending.files?.length ? new FormData() : undefined;
        for (const file of pending.files ?? []) files!.append("files", file);
        const result =
          agentSocket().connected && !files ? await sendOverSocket({ ticketId, ...request }) : await sendMessage(ticketId, request, files);
        if (!result.ok) {
          dispatch({ type: "pending-dropped", clientMessageId: pending.clientMessageId });
          return result.error;
        }
        dispatch({ type: "pending-confirmed", clientMessageId: pending.clientMessageId, message: result.data });
        lastSeqRef.current = Math.max(lastSeqRef.current, result.data.seq);
        return null;
      } catch {
        // The request may or may not have reached the server; a retry reuses the client
        // id, so it is stored at most once either way.
        dispatch({ type: "pending-failed", clientMessageId: pending.clientMessageId });
        return null;
      }
    },
    [ticketId, via],
  );

  /** Sends a reply or note; resolves to an error message when the server refused it. */
  const send = useCallback(
    (kind: "reply" | "note", body: string, files: File[] = [], mentions?: string[]) => {
      const pending: PendingMessage = {
        clientMessageId: newClientMessageId(),
        kind,
        body,
        ...(files.length ? { files } : {}),
        mentions,
        createdAt: new Date().toISOString(),
        failed: false,
      };
      dispatch({ type: "pending-added", pending });
      return deliver(pending);
    },
    [deliver],
  );

  const retry = useCallback(
    (pending: PendingMessage) => {
      dispatch({ type: "pending-retried", clientMessageId: pending.clientMessageId });
      return deliver({ ...pending, failed: false });
    },
    [deliver],
  );

  return { messages: state.messages, pending: state.pending, activity: state.activity, send, retry, expectSeq };
}
