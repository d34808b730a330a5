import { Fragment } from "react";

// The search marks a match between U+E000 and U+E001 (lib/tickets/ticket-queries.ts);
// everything else is the ticket's own text, shown as text.
const marked = /\uE000([^\uE001]*)\uE001/g;

/** Text with the search's matches in <mark>, never as HTML. */
export function MarkedText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(marked)) {
    parts.push(text.slice(last, match.index), <mark key={match.index} className="rounded-sm bg-amber-100 px-0.5 text-zinc-900">{match[1]}</mark>);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last).replace(/[\uE000\uE001]/g, ""));
  return <>{parts.map((part, i) => (typeof part === "string" ? <Fragment key={`t${i}`}>{part}</Fragment> : part))}</>;
}
