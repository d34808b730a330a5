import { z } from "zod";
import type { TicketCursor } from "@/lib/tickets/ticket-queries";
import { decodeCursor, encodeCursor } from "./opaque-cursor";

const cursorShape = z.strictObject({ lastMessageAt: z.iso.datetime(), id: z.uuid() });

export function encodeTicketCursor(cursor: TicketCursor): string {
  return encodeCursor({ lastMessageAt: cursor.lastMessageAt, id: cursor.id });
}

/** The cursor in a token made by encodeTicketCursor, or null for anything else. */
export function decodeTicketCursor(token: string): TicketCursor | null {
  return decodeCursor(token, cursorShape);
}
