/** A teammate who can be mentioned. */
export type Mentionable = { id: string; name: string };

/**
 * The `@word` being typed right before the caret, if any: an `@` at the start or after a
 * space, then up to 30 characters of one line. `start` is where the `@` is.
 */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0 || (at > 0 && !/\s/.test(before[at - 1]!))) return null;
  const query = before.slice(at + 1);
  if (query.length > 30 || /[\n@]/.test(query) || /^\s/.test(query)) return null;
  return { start: at, query };
}

/** Teammates whose name (or a word of it) starts with what was typed, at most `limit`. */
export function mentionCandidates(people: Mentionable[], query: string, limit = 6): Mentionable[] {
  const wanted = query.trim().toLowerCase();
  return people
    .filter((person) => {
      const name = person.name.toLowerCase();
      return wanted === "" || name.startsWith(wanted) || name.split(/\s+/).some((word) => word.startsWith(wanted));
    })
    .slice(0, limit);
}

/** The mentions a note still holds when it is sent: those whose `@Name` is still in the text. */
export function mentionsInText(text: string, picked: Mentionable[]): string[] {
  return [...new Set(picked.filter((person) => text.includes(`@${person.name}`)).map((person) => person.id))];
}
