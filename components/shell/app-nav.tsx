"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { CustomerSearchButton } from "@/components/customers/customer-search-button";
import { ConnectionIndicator } from "@/components/realtime/connection-indicator";
import { AtIcon, CloseIcon, InboxIcon, SettingsIcon } from "@/components/ui/icons";
import { roleLabels, type UserRole } from "@/lib/users/user-roles";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { SignOutButton } from "./sign-out-button";

type Props = {
  id: string;
  user: { name: string; role: UserRole };
  showSettings: boolean;
  unread: number;
  /** On phones the navigation is a drawer, shown only while open. */
  drawerOpen: boolean;
  onCloseDrawer: () => void;
};

export function AppNav({ id, user, showSettings, unread, drawerOpen, onCloseDrawer }: Props) {
  const pathname = usePathname();
  const closeButton = useRef<HTMLButtonElement>(null);
  const links = [
    { href: "/inbox", label: "Inbox", icon: InboxIcon, active: pathname === "/inbox" || pathname.startsWith("/tickets/") },
    // Every ticket with a note that mentions you, whatever its status.
    { href: "/inbox?status=all&mentioned=me", label: "Mentions", icon: AtIcon, active: false },
    ...(showSettings ? [{ href: "/settings", label: "Settings", icon: SettingsIcon, active: pathname === "/settings" }] : []),
  ];

  useEffect(() => {
    if (drawerOpen) closeButton.current?.focus();
  }, [drawerOpen]);

  return (
    <aside
      id={id}
      aria-label="Navigation"
      onKeyDown={(event) => {
        if (drawerOpen && event.key === "Escape") onCloseDrawer();
      }}
      className={`shrink-0 flex-col overflow-y-auto bg-zinc-900 text-zinc-300 md:static md:z-auto md:flex md:w-52 md:shadow-none ${
        drawerOpen ? "fixed inset-y-0 left-0 z-40 flex w-72 max-w-[85vw] shadow-xl" : "hidden"
      }`}
    >
      <div className="flex items-center justify-between px-4 py-4 md:py-4">
        <span className="text-sm font-semibold tracking-tight text-white">Touchbase</span>
        {/* On phones the top bar holds the bell, outside the drawer. */}
        <NotificationBell initialUnread={unread} className="-my-2 -mr-2 hidden md:block" />
        <button
          ref={closeButton}
          type="button"
          onClick={onCloseDrawer}
          className="-my-2 -mr-2 inline-flex size-10 items-center justify-center rounded-md text-zinc-300 hover:bg-zinc-800 hover:text-white md:hidden"
        >
          <CloseIcon className="size-5" />
          <span className="sr-only">Close menu</span>
        </button>
      </div>
      <nav aria-label="Main" className="flex flex-col gap-0.5 px-2">
        <CustomerSearchButton />
        {links.map(({ href, label, icon: Glyph, active }) => (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`flex items-center gap-2 rounded px-2 py-2.5 text-sm md:py-1.5 ${
              active ? "bg-zinc-800 text-white" : "hover:bg-zinc-800/60 hover:text-white"
            }`}
          >
            <Glyph />
            {label}
          </Link>
        ))}
      </nav>
      <div className="mt-auto flex flex-col gap-3 border-t border-zinc-800 px-4 py-3">
        <ConnectionIndicator />
        <div className="flex items-end justify-between gap-2">
          <div className="min-w-0">
            <p className="truncate text-sm text-white" data-testid="current-user-name">
              {user.name}
            </p>
            <p className="text-xs text-zinc-400">{roleLabels[user.role]}</p>
            <Link
              href="/account"
              aria-current={pathname === "/account" ? "page" : undefined}
              className="text-xs text-zinc-300 underline-offset-2 hover:text-white hover:underline aria-[current=page]:text-white"
            >
              Your account
            </Link>
          </div>
          <SignOutButton />
        </div>
        <p className="hidden text-[11px] text-zinc-400 md:block">
          Press <kbd className="font-mono">?</kbd> for shortcuts
        </p>
      </div>
    </aside>
  );
}
