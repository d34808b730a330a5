"use client";

import { useEffect, useId, useRef, useState } from "react";
import { isShortcutEvent } from "@/components/keyboard/is-typing-target";
import { FormError } from "@/components/ui/form-error";
import { LockIcon } from "@/components/ui/icons";
import { replyFilesProblem } from "@/lib/tickets/reply-files.validation";
import { messageBody } from "@/lib/tickets/ticket.validation";
import { ChosenFiles } from "./chosen-files";
import { composerModeShortcut, type ComposerMode } from "./composer-mode-shortcut";
import { mentionCandidates, mentionQuery, mentionsInText, type Mentionable } from "./mention-query";

export type { ComposerMode };

type Props = {
  customerName: string;
  /** How a reply reaches the customer; null when nothing written can (a caller with no email address). */
  replyMedium: "email" | "chat" | null;
  /** Everyone a note can mention (active teammates of every role). */
  mentionable: Mentionable[];
  /** Resolves to an error message when the server refused the message. */
  onSend: (kind: ComposerMode, body: string, files: File[], mentions: string[]) => Promise<string | null>;
  error: string | null;
  onError: (error: string | null) => void;
  /** Called as a reply (never a note) is being written, for typing indicators. */
  onTypingReply?: () => void;
  /** The conversation's latest sequence number: where a reply being written started. */
  latestSeq: number;
  /**
   * The send-time guard: what arrived since `sinceSeq` that the writer has not answered
   * (the customer wrote again, a colleague replied), said in a sentence; null when nothing did.
   */
  arrivedSince: (sinceSeq: number) => string | null;
};

const modes: { value: ComposerMode; label: string }[] = [
  { value: "reply", label: "Reply" },
  { value: "note", label: "Internal note" },
];

/**
 * Reply to the customer or leave a note for the team. The mode is always on screen and
 * switchable without leaving the text: r / n from outside a field, Alt+R / Alt+N inside it.
 * After a send, focus leaves the text box for the mode tabs, so the next r or n chooses the
 * mode instead of being typed into the next message (a note typed after a reply once went
 * to the customer that way).
 */
export function Composer({ customerName, replyMedium, mentionable, onSend, error, onError, onTypingReply, latestSeq, arrivedSince }: Props) {
  const id = useId();
  const [mode, setMode] = useState<ComposerMode>("reply");
  const [draft, setDraft] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const canAttach = mode === "reply" && replyMedium === "email";
  const [announcement, setAnnouncement] = useState("");
  const textarea = useRef<HTMLTextAreaElement>(null);
  const tabs = useRef<Record<ComposerMode, HTMLButtonElement | null>>({ reply: null, note: null });
  const isNote = mode === "note";
  // Where the reply being written started, and what the guard stopped a send for.
  const startedAtSeq = useRef(latestSeq);
  const [guard, setGuard] = useState<string | null>(null);
  // Who the note mentions, as picked from the list (ids, never guessed from the text later).
  const [picked, setPicked] = useState<Mentionable[]>([]);
  const [caret, setCaret] = useState(0);
  const [activeIndex, setActiveIndex] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const typed = isNote ? mentionQuery(draft, caret) : null;
  const candidates = typed && typed.start !== dismissedAt ? mentionCandidates(mentionable, typed.query) : [];
  const pickerOpen = candidates.length > 0;
  const active = Math.min(activeIndex, Math.max(candidates.length - 1, 0));

  function pickMention(person: Mentionable) {
    if (!typed) return;
    const inserted = `@${person.name} `;
    const next = draft.slice(0, typed.start) + inserted + draft.slice(caret);
    const at = typed.start + inserted.length;
    setDraft(next);
    setPicked((current) => (current.some((p) => p.id === person.id) ? current : [...current, person]));
    setCaret(at);
    setActiveIndex(0);
    // Picked: the list stays shut for this @ even though the name after it still matches.
    setDismissedAt(typed.start);
    requestAnimationFrame(() => textarea.current?.setSelectionRange(at, at));
  }

  function choose(next: ComposerMode) {
    setMode(next);
    setAnnouncement(next === "note" ? "Internal note: only your team sees it" : `Reply to ${customerName}`);
  }

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

  function submit(sendAnyway = false) {
    const parsed = messageBody.safeParse(draft);
    if (!parsed.success) {
      onError(parsed.error.issues[0]?.message ?? "Write something first");
      return;
    }
    if (mode === "reply" && !replyMedium) {
      onError(noWrittenReply(customerName));
      return;
    }
    const sentFiles = canAttach ? files : [];
    const filesProblem = replyFilesProblem(sentFiles);
    if (filesProblem) {
      onError(filesProblem);
      return;
    }
    if (mode === "reply" && !sendAnyway) {
      const arrived = arrivedSince(startedAtSeq.current);
      // Shown once: what is on screen now counts as read, so Send again (or Send anyway) sends.
      startedAtSeq.current = latestSeq;
      if (arrived) {
        setGuard(arrived);
        return;
      }
    }
    setGuard(null);
    const sentMode = mode;
    const sentDraft = draft;
    const mentions = sentMode === "note" ? mentionsInText(parsed.data, picked) : [];
    onError(null);
    setDraft("");
    setFiles([]);
    tabs.current[sentMode]?.focus();
    void onSend(sentMode, parsed.data, sentFiles, mentions).then((refusal) => {
      if (!refusal) return;
      onError(refusal);
      // The message was not stored: give the text and files back so nothing is lost.
      setDraft((current) => (current.trim() === "" ? sentDraft : current));
      setFiles((current) => (current.length === 0 ? sentFiles : current));
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

  function onTextKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (pickerOpen) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActiveIndex((active + step + candidates.length) % candidates.length);
        return;
      }
      if ((event.key === "Enter" && !event.ctrlKey && !event.metaKey) || event.key === "Tab") {
        event.preventDefault();
        pickMention(candidates[active]!);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setDismissedAt(typed!.start);
        return;
      }
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
      return;
    }
    const shortcutMode = composerModeShortcut(event);
    if (shortcutMode) {
      event.preventDefault();
      choose(shortcutMode);
    }
  }

  return (
    <div
      className={`shrink-0 border-t-2 px-3 py-3 md:px-6 ${isNote ? "border-amber-400 bg-amber-50" : "border-zinc-200 bg-white"}`}
    >
      <div className="mx-auto max-w-4xl">
        <div className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1">
          <div role="tablist" aria-label="Message type" className="flex rounded-md bg-zinc-100 p-0.5">
            {modes.map(({ value, label }) => {
              const active = mode === value;
              const activeStyle = value === "note" ? "bg-amber-500 text-amber-950" : "bg-indigo-600 text-white";
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
                  onClick={() => choose(value)}
                  onKeyDown={onTabKeyDown}
                  className={`inline-flex items-center gap-1.5 rounded px-3 py-1.5 text-xs font-semibold ${
                    active ? activeStyle : "text-zinc-700 hover:bg-white hover:text-zinc-900"
                  }`}
                >
                  {value === "note" && <LockIcon className="size-3.5" />}
                  {label}
                </button>
              );
            })}
          </div>
          <p className="ml-auto hidden text-[11px] text-zinc-600 md:block">
            <kbd className="font-mono">Alt</kbd>+<kbd className="font-mono">R</kbd> reply ·{" "}
            <kbd className="font-mono">Alt</kbd>+<kbd className="font-mono">N</kbd> note ·{" "}
            <kbd className="font-mono">Ctrl</kbd>+<kbd className="font-mono">Enter</kbd> send
          </p>
        </div>
        <p role="status" className="sr-only">
          {announcement}
        </p>
        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${mode}`}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            {guard && !isNote && (
              <div role="alert" className="mb-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-600/30">
                <p className="font-medium">Not sent: {guard}</p>
                <div className="mt-2 flex flex-wrap gap-2">
                  <button
                    type="button"
                    onClick={() => submit(true)}
                    className="rounded-md bg-amber-600 px-3 py-1.5 text-xs font-semibold text-white hover:bg-amber-500"
                  >
                    Send anyway
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      setGuard(null);
                      textarea.current?.focus();
                    }}
                    className="rounded-md px-3 py-1.5 text-xs font-medium text-amber-950 ring-1 ring-amber-600/40 hover:bg-amber-100"
                  >
                    Edit my reply
                  </button>
                </div>
              </div>
            )}
            <label htmlFor={`${id}-message`} className="sr-only">
              Message
            </label>
            {pickerOpen && (
              <ul
                id={`${id}-mentions`}
                role="listbox"
                aria-label="Mention a teammate"
                className="mb-1 max-h-48 overflow-y-auto rounded-md border border-zinc-300 bg-white py-1 text-sm shadow-lg"
              >
                {candidates.map((person, index) => (
                  <li
                    key={person.id}
                    id={`${id}-mention-${person.id}`}
                    role="option"
                    aria-selected={index === active}
                    onMouseDown={(event) => {
                      event.preventDefault();
                      pickMention(person);
                    }}
                    className={`cursor-pointer px-3 py-1.5 ${index === active ? "bg-indigo-600 text-white" : "text-zinc-800 hover:bg-zinc-100"}`}
                  >
                    {person.name}
                  </li>
                ))}
              </ul>
            )}
            <textarea
              ref={textarea}
              id={`${id}-message`}
              value={draft}
              onChange={(event) => {
                if (draft.trim() === "") startedAtSeq.current = latestSeq;
                setDraft(event.target.value);
                setCaret(event.target.selectionStart);
                setActiveIndex(0);
                if (!isNote) onTypingReply?.();
              }}
              onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
              onKeyDown={onTextKeyDown}
              aria-controls={pickerOpen ? `${id}-mentions` : undefined}
              aria-activedescendant={pickerOpen ? `${id}-mention-${candidates[active]!.id}` : undefined}
              aria-describedby={`${id}-destination`}
              rows={3}
              placeholder={
                isNote ? "Write a note for your team; type @ to mention someone. The customer never sees it." : `Write a reply to ${customerName}…`
              }
              className={`block w-full resize-y rounded-md border px-3 py-2 text-sm shadow-xs outline-none focus:ring-2 md:min-h-24 ${
                isNote
                  ? "border-amber-400 bg-white placeholder:text-amber-800 focus:border-amber-500 focus:ring-amber-500/30"
                  : "border-zinc-300 bg-white placeholder:text-zinc-600 focus:border-indigo-500 focus:ring-indigo-500/20"
              }`}
            />
            {canAttach && (
              <ChosenFiles
                files={files}
                onChange={(next) => {
                  setFiles(next);
                  onError(replyFilesProblem(next));
                }}
              />
            )}
            <div className="mt-2 flex items-center gap-3">
              <div className="min-w-0 flex-1">
                {error ? (
                  <FormError message={error} />
                ) : (
                  <p
                    id={`${id}-destination`}
                    className={`flex items-center gap-1 text-xs ${isNote ? "font-medium text-amber-900" : "text-zinc-600"}`}
                  >
                    {isNote ? (
                      <>
                        <LockIcon className="size-3.5 shrink-0" />
                        Only your team sees internal notes.
                      </>
                    ) : (
                      replyMedium ? `Goes to ${customerName} by ${replyMedium}.` : noWrittenReply(customerName)
                    )}
                  </p>
                )}
              </div>
              <button
                type="submit"
                className={`shrink-0 rounded-md px-3 py-1.5 text-sm font-medium shadow-xs ${
                  isNote ? "bg-amber-500 text-amber-950 hover:bg-amber-400" : "bg-indigo-600 text-white hover:bg-indigo-500"
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

function noWrittenReply(customerName: string): string {
  return `${customerName} has no email address: nothing written reaches them. Call them back and log the call.`;
}
