import { linkParts } from "./link-parts";

/**
 * Plain text with its web and mail addresses as links; rendered as React text, never as
 * HTML. The text is someone else's: the links carry no referrer, no opener and no
 * endorsement (nofollow).
 */
export function LinkifiedText({ text }: { text: string }) {
  return (
    <>
      {linkParts(text).map((part, index) =>
        part.href ? (
          <a
            key={index}
            href={part.href}
            target={part.href.startsWith("mailto:") ? undefined : "_blank"}
            rel="noopener noreferrer nofollow"
            className="break-all text-indigo-700 underline underline-offset-2 hover:text-indigo-600"
          >
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
