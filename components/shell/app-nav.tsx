"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { ConnectionIndicator } from "@/components/realtime/connection-indicator";
import { InboxIcon, SettingsIcon } from "@/components/ui/icons";
import { roleLabels, type UserRole } from "@/lib/users/user-roles";
import { SignOutButton } from "./sign-out-button";

type Props = { user: { name: string; role: UserRole }; showSettings: boolean };

export function AppNav({ user, showSettings }: Props) {
  const pathname = usePathname();
  const links = [
    { href: "/inbox", label: "Inbox", icon: InboxIcon, active: pathname === "/inbox" || pathname.startsWith("/tickets/") },
    ...(showSettings ? [{ href: "/settings", label: "Settings", icon: SettingsIcon, active: pathname === "/settings" }] : []),
  ];

  return (
    <aside className="flex w-52 shrink-0 flex-col bg-zinc-900 text-zinc-300">
      <div className="px-4 py-4 text-sm font-semibold tracking-tight text-white">Touchbase</div>
      <nav aria-label="Main" className="flex flex-col gap-0.5 px-2">
        {links.map(({ href, label, icon: Glyph, active }) => (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`flex items-center gap-2 rounded px-2 py-1.5 text-sm ${
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
              className="text-xs text-zinc-400 underline-offset-2 hover:text-white hover:underline aria-[current=page]:text-white"
            >
              Your account
            </Link>
          </div>
          <SignOutButton />
        </div>
        <p className="text-[11px] text-zinc-500">
          Press <kbd className="font-mono">?</kbd> for shortcuts
        </p>
      </div>
    </aside>
  );
}
