import { z } from "zod";
import { singleLineText, text } from "@/lib/validation/text";
import { channelKinds, ticketStatuses } from "./ticket-constants";

// Client-safe schemas shared by forms, server actions and the REST API.

export const messageBody = text().trim().min(1, "Write something first").max(50_000);

export const createTicketInput = z.object({
  subject: singleLineText().trim().min(1, "Subject is required").max(300),
  channel: z.enum(channelKinds).default("email"),
  customer: z.object({
    email: z.email("Must be a valid email address").max(320),
    name: singleLineText().trim().max(200).optional(),
  }),
  message: z.object({ body: messageBody }),
});
export type CreateTicketInput = z.infer<typeof createTicketInput>;

export const addMessageInput = z.object({
  kind: z.enum(["reply", "note"]),
  body: messageBody,
  clientMessageId: text().min(8).max(100).optional(),
  /**
   * Sends a reply on another channel than the ticket's own; a phone ticket is answered in
   * writing only when the reply says so ("email"), never by default.
   */
  via: z.enum(["email"]).optional(),
  /** Teammates an internal note mentions (their user ids); each is told. Notes only. */
  mentions: z.array(z.uuid({ error: "Must be a user id" })).max(20, "Mention at most 20 people in one note").optional(),
});
export type AddMessageInput = z.infer<typeof addMessageInput>;

export const ticketStatusInput = z.enum(ticketStatuses);
