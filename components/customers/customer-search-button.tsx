"use client";

import { SearchIcon } from "@/components/ui/icons";
import { openCustomerSearch } from "./customer-search-dialog";

/** The way into customer search without a keyboard (a phone), and a reminder of the shortcut. */
export function CustomerSearchButton() {
  return (
    <button
      type="button"
      onClick={openCustomerSearch}
      aria-keyshortcuts="Control+K Meta+K /"
      className="flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-sm hover:bg-zinc-800/60 hover:text-white"
    >
      <SearchIcon />
      <span className="flex-1">Find customer</span>
      <kbd className="rounded border border-zinc-700 px-1 font-mono text-[11px] text-zinc-400">/</kbd>
    </button>
  );
}
