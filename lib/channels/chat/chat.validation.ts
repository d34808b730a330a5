import { z } from "zod";

// What a visitor may send through the widget socket, checked before any work.
const clientMessageId = z.string().min(8).max(100);
const body = z.string().trim().max(5_000, "Messages can be at most 5,000 characters");
const attachmentIds = z.array(z.uuid()).max(5).default([]);

const withContent = <T extends { body: string; attachmentIds: string[] }>(value: T) =>
  value.body.length > 0 || value.attachmentIds.length > 0;

export const startChatInput = z
  .object({
    clientMessageId,
    body,
    attachmentIds,
    name: z.string().trim().max(200).optional(),
    email: z.email("Please enter a valid email address").max(320).optional(),
  })
  .refine(withContent, "Write something first");

export const chatMessageInput = z.object({ ticketId: z.uuid(), clientMessageId, body, attachmentIds }).refine(withContent, "Write something first");

export const syncInput = z.object({ ticketId: z.uuid(), afterSeq: z.number().int().min(0) });
export const typingInput = z.object({ ticketId: z.uuid(), typing: z.boolean() });
export const readInput = z.object({ ticketId: z.uuid(), seq: z.number().int().min(0) });
export const offlineEmailInput = z.object({ ticketId: z.uuid(), email: z.email("Please enter a valid email address").max(320) });
export const pageViewInput = z.object({
  id: z.uuid().optional(),
  url: z.url().max(2_000),
  title: z.string().max(500).default(""),
  referrer: z.string().max(2_000).default(""),
});

export type StartChatInput = z.infer<typeof startChatInput>;
export type ChatMessageInput = z.infer<typeof chatMessageInput>;
export type PageViewInput = z.infer<typeof pageViewInput>;
