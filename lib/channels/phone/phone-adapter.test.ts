import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { messages, outboundEmails } from "@/lib/db/schema";
import { addMessage } from "@/lib/tickets/add-message";
import { createTestApiKey, createTestTicket } from "@/lib/testing/factories";

describe("answering a phone ticket", () => {
  it("never sends an email unless the reply asks for one", async () => {
    const { actor } = await createTestApiKey();
    const ticket = await createTestTicket({ channel: "phone" });

    const refused = await addMessage(actor, ticket.id, { kind: "reply", body: "We tried to call you." }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "conflict", status: 409 });
    expect(await db().$count(messages, eq(messages.ticketId, ticket.id))).toBe(1);
    expect(await db().$count(outboundEmails, eq(outboundEmails.ticketId, ticket.id))).toBe(0);

    const sent = await addMessage(actor, ticket.id, { kind: "reply", body: "Here is the label.", via: "email" });
    const [mail] = await db().select().from(outboundEmails).where(eq(outboundEmails.messageId, sent.id));
    expect(mail).toMatchObject({ toAddress: ticket.customer.email });
  });
});
