import { z } from "zod";

// A keyset position (a time and a tie-breaking id) as one opaque token for clients;
// whatever comes back is checked before it reaches SQL.

export type KeysetCursor = { at: string; id: string };

const cursorShape = z.strictObject({ at: z.iso.datetime({ offset: true }), id: z.uuid() });

export function encodeKeysetCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify({ at: cursor.at, id: cursor.id })).toString("base64url");
}

/** The cursor in a token made by encodeKeysetCursor, or null for anything else. */
export function decodeKeysetCursor(token: string): KeysetCursor | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(token)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = cursorShape.safeParse(json);
  return parsed.success ? parsed.data : null;
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
