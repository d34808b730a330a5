import { ClockTime } from "@/components/ui/clock-time";

/**
 * A change to the ticket between its messages: a sentence in words, so that it reads the
 * same to a screen reader as it looks, with the time it happened.
 */
export function ActivityLine({ text, createdAt }: { text: string; createdAt: string }) {
  return (
    <li className="flex items-center gap-3 py-0.5 text-xs text-zinc-600" data-activity>
      <span aria-hidden className="h-px min-w-4 flex-1 bg-zinc-200" />
      <p className="max-w-[85%] text-center break-words">
        <span className="font-medium text-zinc-700">{text}</span>
        <span aria-hidden> · </span>
        <span className="sr-only">, </span>
        <ClockTime iso={createdAt} />
      </p>
      <span aria-hidden className="h-px min-w-4 flex-1 bg-zinc-200" />
    </li>
  );
}
