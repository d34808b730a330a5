"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { openCustomerSearch } from "@/components/customers/customer-search-dialog";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { MenuIcon, SearchIcon } from "@/components/ui/icons";
import type { UserRole } from "@/lib/users/user-roles";
import { AppNav } from "./app-nav";

type Props = {
  user: { name: string; role: UserRole };
  showSettings: boolean;
  /** Unread notifications when the page was made; the bell follows them live. */
  unread: number;
  children: React.ReactNode;
};

// Tailwind's md breakpoint: from here on the navigation is a sidebar, below it a drawer.
const sidebarQuery = "(min-width: 48rem)";

/**
 * The frame of every signed-in page: a sidebar on wide windows; on phones a top bar whose
 * menu button opens the same navigation as a drawer over the page, which is inert meanwhile.
 */
export function AppFrame({ user, showSettings, unread, children }: Props) {
  const pathname = usePathname();
  const [navOpen, setNavOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  const menuButton = useRef<HTMLButtonElement>(null);

  // Following a link in the drawer closes it (state adjusted during render, not in an effect).
  if (navOpen && openedAt !== pathname) setNavOpen(false);

  useEffect(() => {
    if (!navOpen) return;
    const wide = window.matchMedia(sidebarQuery);
    const closeWhenWide = () => wide.matches && setNavOpen(false);
    wide.addEventListener("change", closeWhenWide);
    return () => wide.removeEventListener("change", closeWhenWide);
  }, [navOpen]);

  function openNav() {
    setOpenedAt(pathname);
    setNavOpen(true);
  }

  function closeNav() {
    setNavOpen(false);
    menuButton.current?.focus();
  }

  return (
    <div className="flex h-dvh flex-col overflow-hidden md:flex-row">
      <header inert={navOpen} className="flex shrink-0 items-center gap-1 bg-zinc-900 px-2 py-1.5 text-white md:hidden">
        <button
          ref={menuButton}
          type="button"
          aria-expanded={navOpen}
          aria-controls="app-nav"
          onClick={openNav}
          className="inline-flex size-10 items-center justify-center rounded-md hover:bg-zinc-800"
        >
          <MenuIcon className="size-5" />
          <span className="sr-only">Menu</span>
        </button>
        <span className="flex-1 text-sm font-semibold tracking-tight">Touchbase</span>
        <NotificationBell initialUnread={unread} />
        <button
          type="button"
          onClick={openCustomerSearch}
          className="inline-flex size-10 items-center justify-center rounded-md hover:bg-zinc-800"
        >
          <SearchIcon className="size-5" />
          <span className="sr-only">Find customer</span>
        </button>
      </header>
      {navOpen && <div aria-hidden className="fixed inset-0 z-30 bg-zinc-900/50 md:hidden" onClick={closeNav} />}
      <AppNav id="app-nav" user={user} showSettings={showSettings} unread={unread} drawerOpen={navOpen} onCloseDrawer={closeNav} />
      <main inert={navOpen} className="min-h-0 min-w-0 flex-1 overflow-y-auto">
        {children}
      </main>
    </div>
  );
}
