export type TextPart = { text: string; href?: string };

// Addresses as people paste them in mail and chat: http(s) and mailto URLs and bare email
// addresses, never "javascript:", "data:" or any other scheme. Trailing punctuation
// belongs to the sentence.
const linkPattern = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
const trailingPunctuation = /[.,;:!?'")\]}]+$/;

/** Splits plain text into text and links, for rendering as React text and anchors. */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(linkPattern)) {
    let candidate = match[0];
    const trailing = candidate.match(trailingPunctuation)?.[0] ?? "";
    // Keep a closing parenthesis that closes one opened inside the URL (Wikipedia links).
    const keep = trailing.startsWith(")") && candidate.slice(0, -trailing.length).includes("(") ? 1 : 0;
    candidate = candidate.slice(0, candidate.length - trailing.length + keep);
    const href = safeHref(candidate);
    if (!href) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ text: candidate, href });
    last = match.index + candidate.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

function safeHref(candidate: string): string | null {
  const withScheme = /^[a-z]+:/i.test(candidate) ? candidate : `mailto:${candidate}`;
  try {
    const url = new URL(withScheme);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
