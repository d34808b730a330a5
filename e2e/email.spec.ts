import nodemailer from "nodemailer";
import { parseMime } from "@/lib/channels/email/parse-mime";
import { uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";
import { startSmtpSink } from "@/lib/testing/smtp-sink";
import { e2eSinkPort, e2eSmtpPort } from "../playwright.config";
import { expect, test } from "./fixtures";
import { InboxPage } from "./pages/inbox-page";
import { TicketPage } from "./pages/ticket-page";
import { guardAgainstReload } from "./support/reload-guard";

// The whole round trip with real mail: a customer's mail arrives over SMTP, the ticket
// shows up live, an agent answers in the browser, the answer reaches the customer's mail
// server threaded, and the customer's reply to it lands on the same ticket.
test("customer mail opens a ticket live, the agent's reply is mailed threaded, and the answer joins the ticket", async ({
  signIn,
  api,
}) => {
  const sink = await startSmtpSink(e2eSinkPort);
  try {
    const address = `support-${uniqueSuffix()}@e2e.touchbase.test`;
    await api.createEmailChannel({ name: "E2E support", address });
    const agent = await signIn("agent");
    const inbox = new InboxPage(agent.page);
    await inbox.shell.waitUntilLive();
    const guard = await guardAgainstReload(agent.page);

    const customer = uniqueEmail("mailer");
    const subject = `My parcel is late ${uniqueSuffix()}`;
    const customerMessageId = `${uniqueSuffix()}@customer.example`;
    const customerMail = nodemailer.createTransport({ host: "127.0.0.1", port: e2eSmtpPort, secure: false, ignoreTLS: true });
    await customerMail.sendMail({
      from: { name: "Mia Mailer", address: customer },
      to: address,
      subject,
      text: "It was due on Monday.",
      messageId: `<${customerMessageId}>`,
    });

    await expect(inbox.ticket(subject)).toBeVisible();
    await guard.expectNoReload();
    await inbox.openTicket(subject);
    const ticket = new TicketPage(agent.page);
    await expect(ticket.conversation.getByRole("article", { name: "Message from Mia Mailer" })).toContainText("It was due on Monday.");

    const answer = `It ships tomorrow ${uniqueSuffix()}`;
    await ticket.reply(answer);
    const sent = ticket.replyBy(agent.user.name, answer);
    await expect(sent.locator("[data-delivery-state=sent]")).toBeVisible({ timeout: 30_000 });

    const delivered = sink.received.find((mail) => mail.to.includes(customer));
    expect(delivered, "the sink received the reply").toBeTruthy();
    const reply = await parseMime(delivered!.raw);
    expect(reply.subject).toMatch(new RegExp(`^Re: ${subject} \\[#\\d+\\]$`));
    expect(reply.inReplyTo).toEqual([customerMessageId]);
    expect(reply.references).toEqual([customerMessageId]);
    expect(reply.from?.address).toBe(address);
    expect(reply.replyTo?.address).toMatch(/^support-[0-9a-f]+\+t\d+-[a-z0-9]{10}@e2e\.touchbase\.test$/);
    expect(reply.text).toContain(answer);
    expect(reply.text).toContain("> It was due on Monday.");

    // The customer answers from their mail client: to the Reply-To, threaded on our reply.
    await customerMail.sendMail({
      from: { name: "Mia Mailer", address: customer },
      to: reply.replyTo!.address,
      subject: `Re: ${reply.subject}`,
      text: "Great, thanks!",
      inReplyTo: `<${reply.messageId}>`,
      references: [`<${customerMessageId}>`, `<${reply.messageId}>`],
    });
    await expect(ticket.conversation.getByRole("article", { name: "Message from Mia Mailer" }).filter({ hasText: "Great, thanks!" })).toBeVisible();
    await guard.expectNoReload();
  } finally {
    await sink.close();
  }
});
