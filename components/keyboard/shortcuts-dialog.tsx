"use client";

import { useEffect, useRef, useState } from "react";
import { isShortcutEvent } from "./is-typing-target";
import { shortcuts } from "./shortcut-list";

/** Opens with "?" from anywhere in the app. */
export function ShortcutsDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "?" || !isShortcutEvent(event)) return;
      event.preventDefault();
      setOpen(true);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-title"
      onClose={() => setOpen(false)}
      onClick={(event) => event.target === dialog.current && setOpen(false)}
      className="m-auto w-full max-w-md rounded-lg bg-white p-0 shadow-xl ring-1 ring-zinc-900/10 backdrop:bg-zinc-900/30"
    >
      <div className="flex items-center justify-between border-b border-zinc-200 px-4 py-3">
        <h2 id="shortcuts-title" className="text-sm font-semibold">
          Keyboard shortcuts
        </h2>
        <button
          type="button"
          onClick={() => setOpen(false)}
          className="rounded px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100"
        >
          Close
        </button>
      </div>
      <dl className="divide-y divide-zinc-100 px-4 py-2 text-sm">
        {shortcuts.map((shortcut) => (
          <div key={shortcut.keys.join("+") + shortcut.description} className="flex items-center justify-between py-1.5">
            <dt className="text-zinc-700">
              {shortcut.description} <span className="text-xs text-zinc-600">· {shortcut.where}</span>
            </dt>
            <dd className="flex gap-1">
              {shortcut.keys.map((key) => (
                <kbd
                  key={key}
                  className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-[11px] text-zinc-700"
                >
                  {key}
                </kbd>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </dialog>
  );
}
