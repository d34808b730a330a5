import type { Actor } from "@/lib/auth/actor";
import { canWorkTickets } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors";
import { findChannel } from "../list-channels";
import type { EmailChannel } from "./email-channels";
import { receiveEmail, type ReceivedEmail } from "./receive-email";

/**
 * A provider that forwards mail over HTTP hands us one raw RFC 5322 message for a channel.
 * Same intake as the SMTP listener; the answer waits for the outcome, so the caller
 * learns the ticket. A redelivery is recognised and answered with the same ticket.
 */
export async function receiveRawEmail(actor: Actor, channelId: string, raw: Uint8Array): Promise<ReceivedEmail> {
  if (!canWorkTickets(actor)) throw forbidden("This key may not deliver mail to a channel");
  const channel = await findChannel(db(), channelId);
  if (!channel || channel.kind !== "email" || !channel.active) throw notFound("Email channel");
  return receiveEmail(channel as EmailChannel, raw, { from: null, to: [] }, "http");
}
