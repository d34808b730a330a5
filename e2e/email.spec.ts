import nodemailer from "nodemailer";
import { parseMime } from "@/lib/channels/email/parse-mime";
import { uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";
import { startSmtpSink } from "@/lib/testing/smtp-sink";
import { e2eSinkPort, e2eSmtpPort } from "../playwright.config";
import { expect, test } from "./fixtures";
import { InboxPage } from "./pages/inbox-page";
import { TicketPage } from "./pages/ticket-page";
import { guardAgainstReload } from "./support/reload-guard";

// One SMTP sink port for the whole suite: this file's tests take turns on it.
test.describe.configure({ mode: "default" });

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

// An agent's reply carries files: chosen in the composer, checked against the limits
// before anything is sent, stored with the message, and mailed as MIME attachments.
test("an agent attaches files to an email reply; refused types and sizes are explained; the mail carries them", async ({
  signIn,
  api,
}) => {
  const sink = await startSmtpSink(e2eSinkPort);
  try {
    const address = `files-${uniqueSuffix()}@e2e.touchbase.test`;
    await api.createEmailChannel({ name: "E2E files", address });
    const customer = uniqueEmail("files");
    const subject = `Invoice please ${uniqueSuffix()}`;
    await nodemailer
      .createTransport({ host: "127.0.0.1", port: e2eSmtpPort, secure: false, ignoreTLS: true })
      .sendMail({ from: { name: "Fay Files", address: customer }, to: address, subject, text: "Could you send the invoice?" });

    const agent = await signIn("agent");
    const inbox = new InboxPage(agent.page);
    await expect(inbox.ticket(subject)).toBeVisible();
    await inbox.openTicket(subject);
    const ticket = new TicketPage(agent.page);
    const attach = agent.page.getByLabel("Attach files");
    const invoice = Buffer.from(`%PDF-1.4 invoice ${uniqueSuffix()}`);
    const notes = Buffer.from("Delivery notes, line one.\n");

    await attach.setInputFiles([{ name: "setup.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") }]);
    await expect(agent.page.getByText("setup.exe: mail servers refuse .exe files; share it another way")).toBeVisible();
    await agent.page.getByRole("button", { name: "Remove setup.exe" }).click();
    await attach.setInputFiles([{ name: "huge.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(11 * 1024 * 1024, 1) }]);
    await expect(agent.page.getByText("huge.bin is larger than 10 MB")).toBeVisible();
    await agent.page.getByRole("button", { name: "Remove huge.bin" }).click();

    await attach.setInputFiles([
      { name: "invoice-1042.pdf", mimeType: "application/pdf", buffer: invoice },
      { name: "notes.txt", mimeType: "text/plain", buffer: notes },
    ]);
    await expect(agent.page.getByRole("list", { name: "Files to send" }).getByRole("listitem")).toHaveCount(2);
    await agent.page.screenshot({ path: test.info().outputPath("composer-with-files.png") });
    const answer = `Here it is ${uniqueSuffix()}`;
    await ticket.reply(answer);
    const sent = ticket.replyBy(agent.user.name, answer);
    await expect(sent.getByRole("list", { name: "Attachments" })).toContainText("invoice-1042.pdf");
    await expect(sent.locator("[data-delivery-state=sent]")).toBeVisible({ timeout: 30_000 });
    await expect(agent.page.getByRole("list", { name: "Files to send" })).toHaveCount(0);

    const delivered = sink.received.find((mail) => mail.to.includes(customer));
    expect(delivered, "the sink received the reply").toBeTruthy();
    const mail = await parseMime(delivered!.raw);
    expect(mail.text).toContain(answer);
    const files = mail.attachments.map((file) => ({ name: file.filename, type: file.contentType, content: Buffer.from(file.content).toString() }));
    expect(files).toEqual([
      { name: "invoice-1042.pdf", type: "application/pdf", content: invoice.toString() },
      { name: "notes.txt", type: "text/plain", content: notes.toString() },
    ]);

    // Staff open what was sent through the signed-in download route.
    const download = await agent.page.request.get((await sent.getByRole("link", { name: /invoice-1042\.pdf/ }).getAttribute("href"))!);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).toString()).toBe(invoice.toString());
  } finally {
    await sink.close();
  }
});
