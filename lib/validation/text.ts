import { z } from "zod";

// Client-safe building blocks for every text field a schema accepts, in forms and the API.

export const nulByteMessage = "Must not contain NUL bytes (\\u0000)";

const hasNulByte = (value: string) => value.includes("\u0000");

/**
 * A string PostgreSQL can store: text columns refuse the NUL byte, so it is a 400 at the
 * edge rather than a failed query. Every string field of a schema starts here.
 */
export const text = () => z.string().refine((value) => !hasNulByte(value), nulByteMessage);

// C0 and C1 control characters, DEL and the Unicode line and paragraph separators.
const lineBreaksAndControls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * One line of text for a value that ends up in a header, such as an email's Subject: or
 * From: display name. CR/LF would start a header of the sender's choosing, so line breaks
 * and other control characters become one space.
 */
export const toSingleLine = (value: string) => value.replace(lineBreaksAndControls, " ");

/** A string field bound for a header (a subject, a name): see `toSingleLine`. */
export const singleLineText = () => text().overwrite(toSingleLine);

/**
 * The path of the first string holding a NUL byte anywhere in a parsed JSON value or query,
 * or null. The API checks every request with it, so a field a schema forgets is still safe.
 */
export function findNulByte(value: unknown, path: (string | number)[] = []): string | null {
  if (typeof value === "string") return hasNulByte(value) ? path.join(".") : null;
  if (value === null || typeof value !== "object") return null;
  for (const [key, child] of Object.entries(value)) {
    if (hasNulByte(key)) return [...path, key].join(".");
    const found = findNulByte(child, [...path, Array.isArray(value) ? Number(key) : key]);
    if (found !== null) return found;
  }
  return null;
}
