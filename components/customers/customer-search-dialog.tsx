"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { isTypingTarget } from "@/components/keyboard/is-typing-target";
import { CustomerPicker } from "./customer-picker";

const openEvent = "touchbase:open-customer-search";

/** Opens the customer search from a button, e.g. on a phone where there is no keyboard shortcut. */
export function openCustomerSearch() {
  window.dispatchEvent(new Event(openEvent));
}

/** Ctrl/⌘+K anywhere, or "/" when not typing in a field: the one customer search of every page. */
function isOpenShortcut(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.altKey) return false;
  if (event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey) && !event.shiftKey) return true;
  return event.key === "/" && !event.ctrlKey && !event.metaKey && !isTypingTarget(event.target);
}

export function CustomerSearchDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isOpenShortcut(event)) return;
      event.preventDefault();
      setOpen(true);
    }
    const onOpen = () => setOpen(true);
    window.addEventListener("keydown", onKeyDown);
    window.addEventListener(openEvent, onOpen);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener(openEvent, onOpen);
    };
  }, []);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // showModal() focuses the first button; the promise of the shortcut is to type at once.
      element.querySelector<HTMLInputElement>("[role=combobox]")?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="customer-search-title"
      onClose={() => setOpen(false)}
      onClick={(event) => event.target === dialog.current && setOpen(false)}
      className="mx-auto mt-[10vh] w-[calc(100%-1.5rem)] max-w-lg rounded-lg bg-white p-0 shadow-xl ring-1 ring-zinc-900/10 backdrop:bg-zinc-900/30"
    >
      {open && (
        <div className="flex max-h-[70vh] flex-col p-3">
          <div className="flex items-center justify-between pb-2">
            <h2 id="customer-search-title" className="text-sm font-semibold">
              Find a customer
            </h2>
            <button
              type="button"
              onClick={() => setOpen(false)}
              className="rounded px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100"
            >
              Close
            </button>
          </div>
          <CustomerPicker
            label="Customers"
            onPick={(customer) => {
              setOpen(false);
              router.push(`/customers/${customer.id}`);
            }}
          />
        </div>
      )}
    </dialog>
  );
}
