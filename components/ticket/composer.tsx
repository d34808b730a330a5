"use client";

import { useEffect, useId, useRef, useState } from "react";
import { isShortcutEvent } from "@/components/keyboard/is-typing-target";
import { FormError } from "@/components/ui/form-error";
import { LockIcon } from "@/components/ui/icons";
import { messageBody } from "@/lib/tickets/ticket.validation";

export type ComposerMode = "reply" | "note";

type Props = {
  customerName: string;
  /** Resolves to an error message when the server refused the message. */
  onSend: (kind: ComposerMode, body: string) => Promise<string | null>;
  error: string | null;
  onError: (error: string | null) => void;
};

const modes: { value: ComposerMode; label: string }[] = [
  { value: "reply", label: "Reply" },
  { value: "note", label: "Internal note" },
];

/** Reply to the customer or leave a note for the team; r and n jump here, Ctrl/Cmd+Enter sends. */
export function Composer({ customerName, onSend, error, onError }: Props) {
  const id = useId();
  const [mode, setMode] = useState<ComposerMode>("reply");
  const [draft, setDraft] = useState("");
  const textarea = useRef<HTMLTextAreaElement>(null);
  const tabs = useRef<Record<ComposerMode, HTMLButtonElement | null>>({ reply: null, note: null });
  const isNote = mode === "note";

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isShortcutEvent(event) || (event.key !== "r" && event.key !== "n")) return;
      event.preventDefault();
      setMode(event.key === "r" ? "reply" : "note");
      textarea.current?.focus();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  function submit() {
    const parsed = messageBody.safeParse(draft);
    if (!parsed.success) {
      onError(parsed.error.issues[0]?.message ?? "Write something first");
      return;
    }
    const sentMode = mode;
    const sentDraft = draft;
    onError(null);
    setDraft("");
    void onSend(sentMode, parsed.data).then((refusal) => {
      if (!refusal) return;
      onError(refusal);
      // The message was not stored: give the text back so nothing typed is lost.
      setDraft((current) => (current.trim() === "" ? sentDraft : current));
      setMode(sentMode);
    });
  }

  function onTabKeyDown(event: React.KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    const next: ComposerMode = mode === "reply" ? "note" : "reply";
    setMode(next);
    tabs.current[next]?.focus();
  }

  return (
    <div className={`border-t px-6 py-3 ${isNote ? "border-amber-200 bg-amber-50/70" : "border-zinc-200 bg-white"}`}>
      <div className="mx-auto max-w-4xl">
        <div role="tablist" aria-label="Message type" className="mb-2 flex gap-1">
          {modes.map(({ value, label }) => {
            const active = mode === value;
            const activeStyle = value === "note" ? "bg-amber-200/70 text-amber-900" : "bg-indigo-100 text-indigo-800";
            return (
              <button
                key={value}
                ref={(element) => {
                  tabs.current[value] = element;
                }}
                type="button"
                role="tab"
                id={`${id}-${value}`}
                aria-selected={active}
                aria-controls={`${id}-panel`}
                tabIndex={active ? 0 : -1}
                onClick={() => setMode(value)}
                onKeyDown={onTabKeyDown}
                className={`inline-flex items-center gap-1.5 rounded px-2.5 py-1 text-xs font-medium ${
                  active ? activeStyle : "text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800"
                }`}
              >
                {value === "note" && <LockIcon className="size-3.5" />}
                {label}
              </button>
            );
          })}
          <span className="ml-auto self-center text-[11px] text-zinc-400">
            <kbd className="font-mono">r</kbd> reply · <kbd className="font-mono">n</kbd> note ·{" "}
            <kbd className="font-mono">Ctrl</kbd>+<kbd className="font-mono">Enter</kbd> send
          </span>
        </div>
        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${mode}`}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <label htmlFor={`${id}-message`} className="sr-only">
              Message
            </label>
            <textarea
              ref={textarea}
              id={`${id}-message`}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  submit();
                }
              }}
              rows={4}
              placeholder={
                isNote ? "Write a note for your team. The customer never sees it." : `Write a reply to ${customerName}…`
              }
              className={`block w-full resize-y rounded-md border px-3 py-2 text-sm shadow-xs outline-none focus:ring-2 ${
                isNote
                  ? "border-amber-300 bg-amber-50 placeholder:text-amber-700/60 focus:border-amber-500 focus:ring-amber-500/20"
                  : "border-zinc-300 bg-white focus:border-indigo-500 focus:ring-indigo-500/20"
              }`}
            />
            <div className="mt-2 flex items-center gap-3">
              <div className="min-w-0 flex-1">
                {error ? (
                  <FormError message={error} />
                ) : (
                  <p className="text-xs text-zinc-500">
                    {isNote ? "Only your team sees internal notes." : `Sent to ${customerName} on the ticket's channel.`}
                  </p>
                )}
              </div>
              <button
                type="submit"
                className={`shrink-0 rounded-md px-3 py-1.5 text-sm font-medium text-white shadow-xs ${
                  isNote ? "bg-amber-600 hover:bg-amber-500" : "bg-indigo-600 hover:bg-indigo-500"
                }`}
              >
                {isNote ? "Add note" : "Send reply"}
              </button>
            </div>
          </form>
        </div>
      </div>
    </div>
  );
}
