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
 * The only path by which a message leaves for a customer. Internal notes are refused
 * here, whatever the caller, so no channel can leak one.
 */
export async function deliverToCustomer(tx: Transaction, delivery: Delivery): Promise<void> {
  const { message, ticket } = delivery;
  if (message.kind !== "reply" || message.direction !== "out") {
    throw new AppError("note_not_deliverable", `A ${message.kind} is internal and is never sent to a customer`);
  }
  await adapters[ticket.channel].send(tx, delivery);
}
