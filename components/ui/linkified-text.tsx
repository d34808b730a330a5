import { linkParts } from "./link-parts";

/** Plain text with its web addresses as links; rendered as React text, never as HTML. */
export function LinkifiedText({ text }: { text: string }) {
  return (
    <>
      {linkParts(text).map((part, index) =>
        part.href ? (
          <a
            key={index}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer"
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
