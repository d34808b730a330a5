import type { Transaction } from "@/lib/db/client";
import type { Customer, Message, Ticket } from "@/lib/db/schema";

export type Delivery = { ticket: Ticket; customer: Customer; message: Message };

/** What every channel implements. Inbound parsing joins this as channels arrive. */
export interface ChannelAdapter {
  /**
   * Hands a reply to the channel inside the transaction that stored it, so a reply is
   * never stored without being queued for the customer, nor queued without being stored.
   */
  send(tx: Transaction, delivery: Delivery): Promise<void>;
}
