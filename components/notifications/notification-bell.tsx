"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { loadNotifications, markRead } from "@/app/(app)/notifications/actions";
import { useAgentEvent } from "@/components/realtime/use-agent-event";
import { BellIcon } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/relative-time";
import type { NotificationView } from "@/lib/notifications/notification-views";

type Props = { initialUnread: number; className?: string };

/**
 * The bell in the app's frame: how many notifications are unread (live, over the person's
 * own socket room), and a list of them; opening one marks it read.
 */
export function NotificationBell({ initialUnread, className = "" }: Props) {
  const id = useId();
  const [unread, setUnread] = useState(initialUnread);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<NotificationView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useAgentEvent("notification:created", ({ notification, unread: count }) => {
    setUnread(count);
    setItems((current) => (current ? [notification, ...current.filter((item) => item.id !== notification.id)] : current));
  });
  useAgentEvent("notifications:read", ({ unread: count }) => setUnread(count));

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  async function toggle() {
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    const result = await loadNotifications();
    if (result.ok) {
      setItems(result.data.notifications);
      setUnread(result.data.unread);
      setError(null);
    } else setError(result.error);
  }

  async function read(which: string[] | "all") {
    const now = new Date().toISOString();
    setItems((current) => current?.map((item) => (which === "all" || which.includes(item.id) ? { ...item, readAt: item.readAt ?? now } : item)) ?? null);
    const result = await markRead(which);
    if (result.ok) setUnread(result.data.unread);
  }

  const label = unread > 0 ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <div
      ref={root}
      className={`relative ${className}`}
      onKeyDown={(event) => {
        if (open && event.key === "Escape") {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-label={label}
        onClick={() => void toggle()}
        className="relative inline-flex size-10 items-center justify-center rounded-md text-zinc-200 hover:bg-zinc-800 hover:text-white"
      >
        <BellIcon className="size-5" />
        {unread > 0 && (
          <span
            aria-hidden
            data-testid="unread-count"
            className="absolute top-1 right-1 min-w-4 rounded-full bg-rose-600 px-1 text-center text-[10px] leading-4 font-semibold text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {/* Fixed, not absolute: the sidebar scrolls (overflow) and would clip it. */}
      {open && (
        <div
          id={`${id}-list`}
          role="region"
          aria-label="Notifications"
          className="fixed top-14 right-2 left-2 z-50 max-h-[70dvh] overflow-y-auto rounded-md bg-white text-zinc-900 shadow-xl ring-1 ring-zinc-200 md:top-3 md:right-auto md:left-54 md:w-96"
        >
          <div className="flex items-center justify-between border-b border-zinc-200 px-3 py-2">
            <h2 className="text-sm font-semibold">Notifications</h2>
            <button
              type="button"
              onClick={() => void read("all")}
              disabled={unread === 0}
              className="rounded px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 disabled:text-zinc-500"
            >
              Mark all read
            </button>
          </div>
          {error && <p className="px-3 py-2 text-sm text-rose-700">{error}</p>}
          {items === null && !error && <p className="px-3 py-2 text-sm text-zinc-600">Loading…</p>}
          {items?.length === 0 && <p className="px-3 py-4 text-sm text-zinc-600">Nothing yet. You hear here when a colleague mentions you or gives you a ticket.</p>}
          {items && items.length > 0 && (
            <ul className="divide-y divide-zinc-100">
              {items.map((item) => (
                <li key={item.id}>
                  <Link
                    href={`/tickets/${item.ticket.id}`}
                    onClick={() => {
                      setOpen(false);
                      if (!item.readAt) void read([item.id]);
                    }}
                    className={`block px-3 py-2 text-sm hover:bg-zinc-50 ${item.readAt ? "text-zinc-700" : "bg-indigo-50/60 font-medium"}`}
                  >
                    <span className="block">
                      {describe(item)} <span className="text-zinc-600">#{item.ticket.number}</span> {item.ticket.subject}
                    </span>
                    {item.excerpt && <span className="mt-0.5 block truncate text-xs font-normal text-zinc-600">{item.excerpt}</span>}
                    <RelativeTime iso={item.createdAt} className="text-xs font-normal text-zinc-600" />
                    {!item.readAt && <span className="sr-only"> (unread)</span>}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function describe(item: NotificationView): string {
  const who = item.actor?.name ?? "Someone";
  return item.kind === "mention" ? `${who} mentioned you on` : `${who} assigned you`;
}
