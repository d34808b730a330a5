import { uniqueEmail } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { outboundEmailsFor } from "./support/outbox";

// Internal notes are for staff only: the API marks them, and the one path that sends
// messages to customers refuses them, so a note never becomes mail.

test("a note is internal in every API response and sends no email; a reply sends exactly one", async ({
  api,
  unique,
}) => {
  const ticket = await api.createTicket({
    subject: unique("Where is my parcel"),
    customerEmail: uniqueEmail("customer"),
    body: "It was due yesterday.",
  });
  expect(ticket.messages).toHaveLength(1);
  expect(ticket.messages[0]!.internal).toBe(false);

  const note = await api.addMessage(ticket.id, { kind: "note", body: unique("Courier says it is in the depot") });
  expect(note).toMatchObject({ kind: "note", internal: true });

  const reply = await api.addMessage(ticket.id, { kind: "reply", body: unique("It arrives tomorrow") });
  expect(reply).toMatchObject({ kind: "reply", direction: "out", internal: false });

  const fetched = await api.getTicket(ticket.id);
  const byId = new Map(fetched.messages.map((message) => [message.id, message]));
  expect(byId.get(note.id)).toMatchObject({ kind: "note", internal: true, bodyText: note.bodyText });
  expect(byId.get(reply.id)).toMatchObject({ kind: "reply", internal: false, bodyText: reply.bodyText });

  expect(await outboundEmailsFor(note.id)).toHaveLength(0);
  const mail = await outboundEmailsFor(reply.id);
  expect(mail).toHaveLength(1);
  expect(mail[0]).toMatchObject({ toAddress: ticket.customer.email, bodyText: reply.bodyText });
});
