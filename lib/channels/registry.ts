import type { ChannelKind } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { ChannelAdapter, Delivery } from "./channel-adapter";
import { chatAdapter } from "./chat/chat-adapter";
import { emailAdapter } from "./email/email-adapter";
import { phoneAdapter } from "./phone/phone-adapter";
import type { Transaction } from "@/lib/db/client";

const adapters: Record<ChannelKind, ChannelAdapter> = {
  email: emailAdapter,
  chat: chatAdapter,
  phone: phoneAdapter,
};

/**
 * The only path by which a message leaves for a customer, on the ticket's channel or the one
 * the sender named. Internal notes are refused
 * here, whatever the caller, so no channel can leak one.
 */
export async function deliverToCustomer(tx: Transaction, delivery: Delivery, via?: ChannelKind): Promise<void> {
  const { message, ticket } = delivery;
  if (message.kind !== "reply" || message.direction !== "out") {
    throw new AppError("note_not_deliverable", `A ${message.kind} is internal and is never sent to a customer`);
  }
  // `via` is the sender's explicit choice of another channel (a phone ticket answered by email).
  await adapters[via ?? ticket.channel].send(tx, delivery);
}
