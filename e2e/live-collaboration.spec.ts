import { uniqueEmail } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { InboxPage } from "./pages/inbox-page";
import { TicketPage } from "./pages/ticket-page";
import { outboundEmailsFor } from "./support/outbox";
import { guardAgainstReload } from "./support/reload-guard";

test("two agents see a new ticket, each other's reply and note, live", async ({ signIn, api, unique }) => {
  const alice = await signIn("agent");
  const bob = await signIn("agent");
  const aliceInbox = new InboxPage(alice.page);
  const bobInbox = new InboxPage(bob.page);
  await aliceInbox.shell.waitUntilLive();
  await bobInbox.shell.waitUntilLive();
  const aliceGuard = await guardAgainstReload(alice.page);
  const bobGuard = await guardAgainstReload(bob.page);

  const subject = unique("Order arrived damaged");
  const ticket = await api.createTicket({ subject, customerEmail: uniqueEmail("customer"), body: "The box was crushed." });

  await expect(aliceInbox.ticket(subject)).toBeVisible();
  await expect(bobInbox.ticket(subject)).toBeVisible();
  await aliceGuard.expectNoReload();
  await bobGuard.expectNoReload();

  await aliceInbox.openTicket(subject);
  await bobInbox.openTicket(subject);
  const aliceTicket = new TicketPage(alice.page);
  const bobTicket = new TicketPage(bob.page);
  await aliceTicket.expectTicket(subject);
  await bobTicket.expectTicket(subject);
  await expect(alice.page).toHaveURL(new RegExp(`/tickets/${ticket.id}$`));

  const reply = unique("Sorry about that, a replacement is on its way");
  await aliceTicket.reply(reply);
  await expect(bobTicket.replyBy(alice.user.name, reply)).toBeVisible();

  const note = unique("Second damaged parcel from this courier this week");
  await bobTicket.note(note);
  await expect(aliceTicket.noteBy(bob.user.name, note)).toBeVisible();

  // Each sees their own message once, stored (not an optimistic copy that failed).
  await expect(aliceTicket.replyBy(alice.user.name, reply)).toHaveCount(1);
  await expect(bobTicket.noteBy(bob.user.name, note)).toHaveCount(1);
  await aliceGuard.expectNoReload();
  await bobGuard.expectNoReload();

  // Sent from the UI too, the reply is mailed to the customer once and the note never.
  const stored = (await api.getTicket(ticket.id)).messages;
  const storedReply = stored.find((message) => message.bodyText === reply);
  const storedNote = stored.find((message) => message.bodyText === note);
  expect(storedReply).toMatchObject({ kind: "reply", internal: false, author: { id: alice.user.id } });
  expect(storedNote).toMatchObject({ kind: "note", internal: true, author: { id: bob.user.id } });
  expect(await outboundEmailsFor(storedReply!.id)).toHaveLength(1);
  expect(await outboundEmailsFor(storedNote!.id)).toHaveLength(0);
});
