import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { messages } from "@/lib/db/schema";
import { uniqueEmail } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { TicketPage } from "./pages/ticket-page";

// A reply says where it really is on its way to the customer (issue 12), as its channel
// reports it, instead of "Sent to …" while it waits in the outbox.

test("a reply shows its real delivery state: queued in the outbox, sent on chat, failed with the reason", async ({
  signIn,
  api,
  unique,
}) => {
  const { page, user } = await signIn("agent");
  const ticket = new TicketPage(page);

  // The e2e server has no SMTP relay, so mail waits in the outbox.
  const email = await api.createTicket({ subject: unique("Email"), customerEmail: uniqueEmail("customer"), body: "Hi" });
  await ticket.goto(email.id);
  const reply = unique("Your order ships tomorrow");
  await ticket.reply(reply);
  const emailReply = ticket.replyBy(user.name, reply);
  await expect(emailReply).toContainText("Queued");
  await expect(emailReply).not.toContainText("Sent");
  expect((await api.getTicket(email.id)).messages.find((m) => m.bodyText === reply)).toMatchObject({
    deliveryState: "queued",
  });

  // A chat reply goes out through the visitor's socket as it is stored.
  const chat = await api.createTicket({ subject: unique("Chat"), customerEmail: uniqueEmail("visitor"), body: "Hello?", channel: "chat" });
  await ticket.goto(chat.id);
  const chatReply = unique("Hello, how can I help?");
  await ticket.reply(chatReply);
  await expect(ticket.replyBy(user.name, chatReply)).toContainText("Sent");

  // What the email channel records when the relay refuses the mail for good.
  const stored = (await api.getTicket(email.id)).messages.find((m) => m.bodyText === reply)!;
  await db()
    .update(messages)
    .set({ deliveryState: "failed", deliveryError: "550 5.1.1 mailbox unavailable" })
    .where(eq(messages.id, stored.id));
  await ticket.goto(email.id);
  await expect(emailReply).toContainText("Not delivered");
  await expect(emailReply).toContainText("The customer did not get this: 550 5.1.1 mailbox unavailable");

  // Notes and the customer's own messages have no delivery state.
  const note = unique("Checked the warehouse");
  await ticket.note(note);
  await expect(ticket.noteBy(user.name, note)).not.toContainText(/Queued|Sent|Not delivered/);
});
