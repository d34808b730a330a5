import { eq, sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { messages, tickets, type Message, type Ticket } from "@/lib/db/schema";

export type NewMessage = {
  direction: "in" | "out";
  kind: "reply" | "note" | "call" | "event";
  bodyText: string;
  bodyHtml?: string | null;
  authorUserId?: string | null;
  authorCustomerId?: string | null;
  externalId?: string | null;
  clientMessageId?: string | null;
};

const previewLength = 140;

/**
 * Stores a message with the ticket's next sequence number and moves the ticket's
 * "last activity". Bumping the ticket row first locks it, so concurrent writers to one
 * ticket get consecutive sequence numbers.
 */
export async function appendMessage(
  tx: Transaction,
  ticketId: string,
  input: NewMessage,
): Promise<{ ticket: Ticket; message: Message }> {
  const { ticket, messages: [message] } = await appendMessages(tx, ticketId, [input]);
  return { ticket, message: message! };
}

/** Several messages in order, in two statements whatever their number (the phone webhooks add two at once). */
export async function appendMessages(
  tx: Transaction,
  ticketId: string,
  inputs: NewMessage[],
): Promise<{ ticket: Ticket; messages: Message[] }> {
  const last = inputs.at(-1);
  if (!last) throw new Error("appendMessages: no messages");
  const [ticket] = await tx
    .update(tickets)
    .set({
      lastMessageSeq: sql`${tickets.lastMessageSeq} + ${inputs.length}`,
      updatedAt: sql`now()`,
      lastMessageAt: sql`now()`,
      // The inbox is staff-only, so a note may show there, marked as one.
      lastMessagePreview: (last.kind === "note" ? "Note: " : "") + preview(last.bodyText),
      searchVector: sql`${tickets.searchVector} || ticket_search_words(${inputs.map((input) => input.bodyText).join("\n")})`,
      ...(inputs.some((input) => input.direction === "out" && input.kind === "reply")
        ? { firstResponseAt: sql`coalesce(${tickets.firstResponseAt}, now())` }
        : {}),
    })
    .where(eq(tickets.id, ticketId))
    .returning();
  if (!ticket) throw new Error(`appendMessage: ticket ${ticketId} does not exist`);

  const firstSeq = ticket.lastMessageSeq - inputs.length + 1;
  const stored = await tx
    .insert(messages)
    .values(inputs.map((input, index) => ({ ...input, ticketId, seq: firstSeq + index })))
    .returning();
  return { ticket, messages: stored.sort((a, b) => a.seq - b.seq) };
}

export function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > previewLength ? `${oneLine.slice(0, previewLength - 1)}…` : oneLine;
}
