import { describe, expect, it } from "vitest";
import type { MessageView } from "@/lib/tickets/ticket-views";
import { arrivedWhileWriting } from "./arrived-while-writing";

const message = (seq: number, fields: Partial<MessageView>): MessageView => ({
  id: `m${seq}`,
  ticketId: "t",
  seq,
  direction: "out",
  kind: "reply",
  internal: false,
  author: null,
  bodyText: "text",
  bodyHtml: null,
  clientMessageId: null,
  deliveryState: null,
  deliveryError: null,
  attachments: [],
  createdAt: "2026-01-01T10:00:00.000Z",
  ...fields,
});

describe("arrivedWhileWriting", () => {
  const me = { type: "user" as const, id: "me", name: "Me", email: null };
  const ben = { type: "user" as const, id: "ben", name: "Ben", email: null };
  const messages = [
    message(1, { direction: "in", kind: "reply" }),
    message(2, { author: ben }),
    message(3, { direction: "in", kind: "reply" }),
    message(4, { author: ben, kind: "note", internal: true }),
    message(5, { author: me }),
    message(6, { author: ben }),
  ];

  it("counts the customer's messages and colleagues' replies after the start, not notes or one's own", () => {
    expect(arrivedWhileWriting(messages, 2, "me").map((m) => m.seq)).toEqual([3, 6]);
  });

  it("is empty when nothing came after the start", () => {
    expect(arrivedWhileWriting(messages, 6, "me")).toEqual([]);
  });
});
