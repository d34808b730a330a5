import type { z } from "zod";

// Clients get a keyset position as one opaque token, and whatever comes back is checked
// before it reaches SQL: a token is input like any other.

export function encodeCursor(position: Record<string, string>): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

/** The position in a token made by encodeCursor that `shape` accepts, or null for anything else. */
export function decodeCursor<T>(token: string, shape: z.ZodType<T>): T | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(token)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = shape.safeParse(json);
  return parsed.success ? parsed.data : null;
}
