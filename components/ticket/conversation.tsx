"use client";

import { useEffect, useLayoutEffect, useRef } from "react";
import type { MessageView } from "@/lib/tickets/ticket-views";
import type { PendingMessage } from "./conversation-state";
import { MessageItem } from "./message-item";

type Props = {
  messages: MessageView[];
  pending: PendingMessage[];
  self: { id: string; name: string };
  onRetry: (pending: PendingMessage) => void;
};

const stickToBottomPx = 160;

export function Conversation({ messages, pending, self, onRetry }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const nearBottom = useRef(true);
  const count = messages.length + pending.length;

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, []);

  // Follow new messages only when the reader is already at the end: someone reading
  // history should not be yanked down by a new arrival.
  useEffect(() => {
    const element = scroller.current;
    if (element && nearBottom.current) element.scrollTo({ top: element.scrollHeight, behavior: "smooth" });
  }, [count]);

  return (
    <div
      ref={scroller}
      onScroll={(event) => {
        const element = event.currentTarget;
        nearBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < stickToBottomPx;
      }}
      className="min-h-0 flex-1 overflow-y-auto px-3 py-3 md:px-6 md:py-5"
    >
      <ol aria-label="Conversation" className="mx-auto flex max-w-4xl flex-col gap-3">
        {messages.map((message) => (
          <MessageItem key={message.id} message={message} />
        ))}
        {pending.map((item) => (
          <MessageItem
            key={item.clientMessageId}
            pending
            message={{
              kind: item.kind,
              direction: "out",
              author: { type: "user", id: self.id, name: self.name, email: null },
              bodyText: item.body,
              createdAt: item.createdAt,
            }}
            status={
              item.failed ? (
                <span className="flex items-center gap-2 text-red-600">
                  Not sent
                  <button
                    type="button"
                    onClick={() => onRetry(item)}
                    className="rounded px-1.5 py-0.5 font-medium text-red-700 ring-1 ring-red-300 hover:bg-red-50"
                  >
                    Retry
                  </button>
                </span>
              ) : (
                <span className="text-zinc-600">Saving…</span>
              )
            }
          />
        ))}
      </ol>
    </div>
  );
}
