"use client";

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { MessageView, TicketActivityView } from "@/lib/tickets/ticket-views";
import { ActivityLine } from "./activity/activity-line";
import { describeActivity } from "./activity/activity-lines";
import { interleave, type PendingMessage } from "./conversation-state";
import { authorName, MessageItem } from "./message-item";

type Props = {
  messages: MessageView[];
  activity: TicketActivityView[];
  pending: PendingMessage[];
  self: { id: string; name: string };
  onRetry: (pending: PendingMessage) => void;
};

const stickToBottomPx = 160;

export function Conversation({ messages, activity, pending, self, onRetry }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const nearBottom = useRef(true);
  const shown = useMemo(
    () => activity.flatMap((event) => {
      const text = describeActivity(event);
      return text ? [{ ...event, text }] : [];
    }),
    [activity],
  );
  const entries = useMemo(() => interleave(messages, shown), [messages, shown]);
  const texts = useMemo(() => new Map(shown.map((event) => [event.id, event.text])), [shown]);
  const announcement = useArrivalAnnouncement(messages, shown, self.id);
  const count = entries.length + pending.length;

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, []);

  // Follow new messages only when the reader is already at the end: someone reading
  // history should not be yanked down by a new arrival.
  useEffect(() => {
    const element = scroller.current;
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (element && nearBottom.current) element.scrollTo({ top: element.scrollHeight, behavior: reduceMotion ? "auto" : "smooth" });
  }, [count]);

  return (
    <div
      ref={scroller}
      onScroll={(event) => {
        const element = event.currentTarget;
        nearBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < stickToBottomPx;
      }}
      // Focusable so that a keyboard can scroll the history when nothing in it is a link.
      tabIndex={0}
      className="min-h-0 flex-1 overflow-y-auto px-3 py-3 md:px-6 md:py-5"
    >
      {/* What arrives while the page is open is read out, not only drawn. */}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <ol aria-label="Conversation" className="mx-auto flex max-w-4xl flex-col gap-3">
        {entries.map((entry) =>
          entry.type === "message" ? (
            <MessageItem key={entry.message.id} message={entry.message} />
          ) : (
            <ActivityLine key={entry.event.id} text={texts.get(entry.event.id)!} createdAt={entry.event.createdAt} />
          ),
        )}
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

/**
 * A short sentence for what others added since the page opened ("New message from Maria
 * Garcia", "Ana resolved this"), for a screen reader's polite live region. What the reader
 * did themselves is not repeated back to them.
 */
function useArrivalAnnouncement(messages: MessageView[], activity: (TicketActivityView & { text: string })[], selfId: string) {
  const seen = useRef<Set<string> | null>(null);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    const ids = [...messages.map((message) => message.id), ...activity.map((event) => event.id)];
    if (!seen.current) {
      seen.current = new Set(ids);
      return;
    }
    const known = seen.current;
    const news = [
      ...messages
        .filter((message) => !known.has(message.id) && !(message.author?.type === "user" && message.author.id === selfId))
        .map(arrivalText),
      ...activity.filter((event) => !known.has(event.id) && event.actor?.id !== selfId).map((event) => event.text),
    ];
    for (const id of ids) known.add(id);
    if (news.length > 0) setAnnouncement(news.join(". "));
  }, [messages, activity, selfId]);
  return announcement;
}

function arrivalText(message: MessageView): string {
  const author = authorName(message);
  if (message.kind === "note") return `New internal note from ${author}`;
  if (message.kind === "call") return `New call from ${author}`;
  return `New message from ${author}`;
}
