"use client";

import { useEffect, useId, useRef, useState } from "react";

type Props = {
  label: string;
  title: string;
  /** What the dialog holds; `close` ends it (focus returns to the button). Rendered only while open. */
  children: (close: () => void) => React.ReactNode;
};

/**
 * A button that opens a modal dialog: on a phone a form in place would push the page off
 * the screen. Escape closes it, and focus returns to the button.
 */
export function DialogButton({ label, title, children }: Props) {
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        className="self-start rounded-md px-3 py-1.5 text-sm font-medium text-zinc-800 ring-1 ring-zinc-300 hover:bg-zinc-100"
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={() => {
          setOpen(false);
          button.current?.focus();
        }}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-0 shadow-xl ring-1 ring-zinc-900/10 backdrop:bg-zinc-900/30"
      >
        <h2 id={titleId} className="border-b border-zinc-200 px-4 py-3 text-sm font-semibold">
          {title}
        </h2>
        {open && children(() => setOpen(false))}
      </dialog>
    </>
  );
}
