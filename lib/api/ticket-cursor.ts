import { z } from "zod";
import type { TicketCursor } from "@/lib/tickets/ticket-queries";

// Clients get the keyset position as one opaque token, and whatever comes back is checked
// before it reaches SQL: a token is input like any other.

const cursorShape = z.strictObject({ lastMessageAt: z.iso.datetime(), id: z.uuid() });

export function encodeTicketCursor(cursor: TicketCursor): string {
  return Buffer.from(JSON.stringify({ lastMessageAt: cursor.lastMessageAt, id: cursor.id })).toString("base64url");
}

/** The cursor in a token made by encodeTicketCursor, or null for anything else. */
export function decodeTicketCursor(token: string): TicketCursor | null {
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
