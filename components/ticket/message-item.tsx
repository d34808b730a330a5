import { RelativeTime } from "@/components/ui/relative-time";
import { LockIcon, PhoneIcon } from "@/components/ui/icons";
import { LinkifiedText } from "@/components/ui/linkified-text";
import type { MessageView } from "@/lib/tickets/ticket-views";
import { AttachmentList } from "./attachment-list";
import { DeliveryError, DeliveryStatus } from "./delivery-status";
import { EmailHtmlFrame } from "./email-html-frame";

export function authorName(message: Pick<MessageView, "author" | "direction">): string {
  if (message.author) return message.author.name || message.author.email || "Unknown";
  return message.direction === "in" ? "Customer" : "Touchbase";
}

type Look = { side: "left" | "right" | "center"; bubble: string; label: string };

function lookOf(message: Pick<MessageView, "kind" | "direction">): Look {
  if (message.kind === "note") {
    return { side: "right", bubble: "bg-amber-50 ring-amber-300 text-amber-950", label: "Internal note" };
  }
  if (message.kind === "event") return { side: "center", bubble: "bg-transparent ring-transparent text-zinc-600", label: "Event" };
  if (message.kind === "call") {
    return { side: message.direction === "in" ? "left" : "right", bubble: "bg-white ring-zinc-200", label: "Call" };
  }
  return message.direction === "in"
    ? { side: "left", bubble: "bg-white ring-zinc-200", label: "Message" }
    : { side: "right", bubble: "bg-indigo-50 ring-indigo-200 text-indigo-950", label: "Reply" };
}

type Props = {
  message: Pick<MessageView, "kind" | "direction" | "author" | "bodyText" | "createdAt"> &
    Partial<Pick<MessageView, "bodyHtml" | "deliveryState" | "deliveryError" | "attachments">>;
  /** Shown for optimistic copies instead of the time. */
  status?: React.ReactNode;
  pending?: boolean;
};

/**
 * One message of a conversation. Text is rendered as text; a customer's HTML mail (already
 * sanitized on the server) only inside a sandboxed frame.
 */
export function MessageItem({ message, status, pending }: Props) {
  const look = lookOf(message);
  const author = authorName(message);
  const isNote = message.kind === "note";
  const alignment = { left: "justify-start", right: "justify-end", center: "justify-center" }[look.side];
  const ariaLabel = isNote
    ? `Internal note by ${author}`
    : message.direction === "in"
      ? `${look.label} from ${author}`
      : `${look.label} by ${author}`;

  return (
    <li className={`flex ${alignment}`}>
      <article aria-label={ariaLabel} aria-busy={pending || undefined} className={`max-w-[44rem] min-w-[14rem] rounded-lg px-3.5 py-2.5 ring-1 ${look.bubble}`}>
        <header className="mb-1 flex flex-wrap items-center gap-x-2 text-xs">
          {isNote && (
            <span className="inline-flex items-center gap-1 font-semibold text-amber-800">
              <LockIcon className="size-3.5" />
              Internal note
            </span>
          )}
          {message.kind === "call" && (
            <span className="inline-flex items-center gap-1 font-semibold text-zinc-700">
              <PhoneIcon className="size-3.5" />
              Call
            </span>
          )}
          <span className="font-medium text-zinc-800">{author}</span>
          <span className="text-zinc-600">·</span>
          {status ?? <RelativeTime iso={message.createdAt} className="text-zinc-600" />}
          {!status && message.deliveryState && (
            <>
              <span className="text-zinc-600">·</span>
              <DeliveryStatus state={message.deliveryState} />
            </>
          )}
        </header>
        {message.bodyHtml && message.direction === "in" ? (
          <EmailHtmlFrame html={message.bodyHtml} title={`Mail from ${author}`} />
        ) : (
          <p className="text-sm leading-relaxed break-words whitespace-pre-wrap">
            <LinkifiedText text={message.bodyText} />
          </p>
        )}
        <DeliveryError state={message.deliveryState ?? null} error={message.deliveryError ?? null} />
        <AttachmentList files={message.attachments ?? []} />
      </article>
    </li>
  );
}
