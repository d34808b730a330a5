import type { MessageView } from "@/lib/tickets/ticket-views";

/**
 * What arrived in the conversation after someone started writing a reply and would make it
 * answer twice or miss something: the customer's messages and colleagues' replies (not
 * notes, not one's own). Oldest first.
 */
export function arrivedWhileWriting(messages: MessageView[], sinceSeq: number, selfId: string): MessageView[] {
  return messages.filter(
    (message) =>
      message.seq > sinceSeq &&
      (message.direction === "in" || (message.kind === "reply" && message.author?.id !== selfId)),
  );
}
