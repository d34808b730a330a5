export type TextPart = { text: string; href?: string };

// A URL as people paste them in mail and chat: http(s) only, so that no "javascript:" or
// "data:" text ever becomes a link. Trailing punctuation belongs to the sentence.
const urlPattern = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const trailingPunctuation = /[.,;:!?'")\]}]+$/;

/** Splits plain text into text and web links, for rendering as React text and anchors. */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    let candidate = match[0];
    const trailing = candidate.match(trailingPunctuation)?.[0] ?? "";
    // Keep a closing parenthesis that closes one opened inside the URL (Wikipedia links).
    const keep = trailing.startsWith(")") && candidate.slice(0, -trailing.length).includes("(") ? 1 : 0;
    candidate = candidate.slice(0, candidate.length - trailing.length + keep);
    const href = safeWebUrl(candidate);
    if (!href) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ text: candidate, href });
    last = match.index + candidate.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

function safeWebUrl(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
