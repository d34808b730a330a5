import { z } from "zod";
import { decodeCursor, encodeCursor } from "./opaque-cursor";

// A keyset position (a time and a tie-breaking id) as one opaque token for clients;
// whatever comes back is checked before it reaches SQL.

export type KeysetCursor = { at: string; id: string };

const cursorShape = z.strictObject({ at: z.iso.datetime({ offset: true }), id: z.uuid() });

export function encodeKeysetCursor(cursor: KeysetCursor): string {
  return encodeCursor({ at: cursor.at, id: cursor.id });
}

/** The cursor in a token made by encodeKeysetCursor, or null for anything else. */
export function decodeKeysetCursor(token: string): KeysetCursor | null {
  return decodeCursor(token, cursorShape);
}

/** A `cursor` query parameter holding a token from encodeKeysetCursor. */
export const keysetCursorParam = z.string().transform((token, ctx) => {
  const cursor = decodeKeysetCursor(token);
  if (!cursor) {
    ctx.addIssue({ code: "custom", message: "Not a cursor returned by this API" });
    return z.NEVER;
  }
  return cursor;
});
