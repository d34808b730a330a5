import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestTicket, createTestUser } from "@/lib/testing/factories";
import { addMessage } from "@/lib/tickets/add-message";
import { listOutboundEmails } from "./list-outbound-emails";

describe("listOutboundEmails", () => {
  it("lists replies newest first with their ticket, and no notes", async () => {
    const { actor } = await createTestUser({ role: "agent" });
    const ticket = await createTestTicket({ subject: "Parcel went missing" });
    const first = await addMessage(actor, ticket.id, { kind: "reply", body: "Looking into it.\nMore soon." });
    await addMessage(actor, ticket.id, { kind: "note", body: "Courier says delivered" });
    const second = await addMessage(actor, ticket.id, { kind: "reply", body: "Found it!" });

    const listed = await listOutboundEmails(db(), { limit: 50 });

    const ours = listed.filter((mail) => mail.ticket.id === ticket.id);
    expect(ours.map((mail) => mail.bodyText)).toEqual([second.bodyText, first.bodyText]);
    expect(ours[0]).toMatchObject({
      toAddress: ticket.customer.email,
      subject: `Re: Parcel went missing [#${ticket.number}]`,
      ticket: { id: ticket.id, number: ticket.number },
    });
  });

  it("orders by time, then id, both descending, and stops at the limit", async () => {
    const { actor } = await createTestUser({ role: "agent" });
    const ticket = await createTestTicket();
    for (const body of ["one", "two", "three"]) await addMessage(actor, ticket.id, { kind: "reply", body });

    const listed = await listOutboundEmails(db(), { limit: 3 });

    expect(listed).toHaveLength(3);
    for (const [newer, older] of listed.slice(0, -1).map((mail, i) => [mail, listed[i + 1]!] as const)) {
      const newerFirst =
        newer.createdAt > older.createdAt || (newer.createdAt.getTime() === older.createdAt.getTime() && newer.id > older.id);
      expect(newerFirst).toBe(true);
    }
  });
});
