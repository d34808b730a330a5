import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bouncedRecipients, classifyInbound, type InboundKind } from "./classify-inbound";
import { parseMime } from "./parse-mime";
import { headerRecipients, threadCandidates, type ThreadCandidate } from "./threading";

// The corpus: real-world shapes of mail (fixtures/*.eml) with what must become of each.
// Threading against the database is checked in receive-email.test.ts; here, what the
// parser, the loop guard, the sanitizer and the thread-finder make of each message.

const fixtures = path.join(import.meta.dirname, "fixtures");
const secret = "corpus-secret"; // the reply tokens in the fixtures are signed with it
const ours = ["support@acme.test"];

type Expected = {
  kind: InboundKind;
  subject?: string;
  from?: string | null;
  text?: RegExp;
  /** First thread candidate, or none. */
  thread?: ThreadCandidate | null;
  attachments?: string[];
  bounced?: string[];
  problems?: RegExp;
  messageId?: string | null;
  cc?: string[];
};

const ourReply: ThreadCandidate = { by: "in-reply-to", messageId: "reply-1.a9f3@touchbase.acme.test" };

const corpus: Record<string, Expected> = {
  "gmail-new.eml": { kind: "person", subject: "Where is my order #1042?", from: "maria.lopez@gmail.com", thread: null, text: /blue kettle/ },
  "gmail-reply.eml": { kind: "person", thread: { by: "token", ticketNumber: 1042 }, text: /in transit/ },
  "outlook-reply.eml": { kind: "person", thread: ourReply, text: /received the invoice/ },
  "apple-mail-reply.eml": { kind: "person", thread: { by: "in-reply-to", messageId: "reply-7.c0de@touchbase.acme.test" }, text: /I’ll drop it off/ },
  "gmail-forward.eml": { kind: "person", from: "tom.becker@gmail.com", thread: null, text: /Forwarded message[\s\S]*mug inside is broken/ },
  "outlook-forward.eml": { kind: "person", subject: "FW: Bulk order quote", text: /We need 200 mugs/ },
  "reply-token-only.eml": { kind: "person", thread: { by: "token", ticketNumber: 1042 } },
  "references-only.eml": { kind: "person", thread: { by: "references", messageId: "unknown-elsewhere@mail.gmail.com" } },
  "missing-message-id.eml": { kind: "person", messageId: null, problems: /no Message-ID/ },
  "bounce-postfix-dsn.eml": { kind: "bounce", bounced: ["gone@example.net"] },
  "bounce-gmail.eml": { kind: "bounce", bounced: ["nobody.here@gmail.com"] },
  "bounce-exchange-ndr.eml": { kind: "bounce", bounced: ["purchasing@contoso.example"] },
  "mailer-daemon-plain.eml": { kind: "bounce", bounced: ["oldbox@oldhost.example"] },
  "gmail-vacation.eml": { kind: "auto-reply" },
  "outlook-oof.eml": { kind: "auto-reply" },
  "x-autoreply.eml": { kind: "auto-reply" },
  "precedence-bulk.eml": { kind: "junk" },
  "precedence-list.eml": { kind: "junk" },
  "precedence-junk.eml": { kind: "junk" },
  "list-unsubscribe-marketing.eml": { kind: "bulk" },
  "auto-submitted-no.eml": { kind: "person" },
  "own-address.eml": { kind: "own" },
  "html-script.eml": { kind: "person", text: /Hello agent/ },
  "html-form-css.eml": { kind: "person" },
  "html-remote-images.eml": { kind: "person" },
  "html-only.eml": { kind: "person", text: /only HTML[\s\S]*one[\s\S]*two/ },
  "attachment-pdf.eml": { kind: "person", attachments: ["receipt.pdf"] },
  "inline-image-cid.eml": { kind: "person", attachments: ["shot.png"] },
  "apple-mail-attachment.eml": { kind: "person", attachments: ["IMG_0001.jpg"] },
  "nested-multipart.eml": { kind: "person", text: /Plain version/, attachments: ["attachment.gif", "order.csv"] },
  "message-rfc822-attached.eml": { kind: "person", attachments: ["Shipping confirmation.eml"] },
  "tnef-winmail.eml": { kind: "person", attachments: ["winmail.dat"], problems: /TNEF/ },
  "rfc2047-utf8-b.eml": { kind: "person", subject: "Rückgabe meiner Bestellung – dringend", text: /Grüße aus München/ },
  "rfc2047-iso-q.eml": { kind: "person", subject: "Problème de livraison à Orléans", text: /arrivé à Orléans/ },
  "charset-windows-1252.eml": { kind: "person", text: /“only 20 €” today”/ },
  "charset-iso-2022-jp.eml": { kind: "person", subject: "こんにちは", text: /こんにちは/ },
  "charset-koi8r.eml": { kind: "person", subject: "Привет", text: /Привет, мир!/ },
  "no-mime-8bit.eml": { kind: "person", subject: "No MIME headers, raw UTF-8 été", text: /Café crème brûlée/ },
  "outlook-quoted-printable-long.eml": { kind: "person", text: /so that no line is longer than seventy-six characters — the text must come out joined again/ },
  "malformed-unclosed-boundary.eml": { kind: "person", text: /never comes/ },
  "malformed-bad-base64.eml": { kind: "person", text: /^Hello world/ },
  "malformed-no-from.eml": { kind: "person", from: null, problems: /no usable From/ },
  "empty-body.eml": { kind: "person", text: /^$/ },
  "cc-colleague.eml": { kind: "person", cc: ["raj@bigcorp.example", "accounts@bigcorp.example"], thread: null },
  "subject-tag-other-sender.eml": { kind: "person", thread: { by: "subject-tag", ticketNumber: 1042 } },
  "subject-only-same-words.eml": { kind: "person", thread: null },
  "long-references.eml": { kind: "person", thread: { by: "in-reply-to", messageId: "long-50@thread.example" } },
  "reply-to-header.eml": { kind: "person", from: "noreply@forms.acme-site.example" },
  "forged-token.eml": { kind: "person", thread: null },
};

const load = (name: string) => parseMime(readFileSync(path.join(fixtures, name)));

describe("the email corpus", () => {
  it("has an expected outcome for every fixture, and at least 40 of them", () => {
    expect(Object.keys(corpus).sort()).toEqual(readdirSync(fixtures).filter((f) => f.endsWith(".eml")).sort());
    expect(Object.keys(corpus).length).toBeGreaterThanOrEqual(40);
  });

  it.each(Object.entries(corpus))("%s", async (name, expected) => {
    const mail = await load(name);
    expect(classifyInbound(mail, ours).kind).toBe(expected.kind);
    if (expected.subject !== undefined) expect(mail.subject).toBe(expected.subject);
    if (expected.from !== undefined) expect(mail.from?.address ?? null).toBe(expected.from);
    if (expected.text) expect(mail.text).toMatch(expected.text);
    if (expected.thread !== undefined) {
      expect(threadCandidates(mail, headerRecipients(mail), secret)[0] ?? null).toEqual(expected.thread);
    }
    if (expected.attachments) expect(mail.attachments.map((a) => a.filename)).toEqual(expected.attachments);
    if (expected.bounced) expect(bouncedRecipients(mail)).toEqual(expected.bounced);
    if (expected.problems) expect(mail.problems.join("; ")).toMatch(expected.problems);
    else expect(mail.problems).toEqual(expected.messageId === null ? ["no Message-ID"] : []);
    if (expected.messageId !== undefined) expect(mail.messageId).toBe(expected.messageId);
    if (expected.cc) expect(mail.cc.map((a) => a.address)).toEqual(expected.cc);
    // Whatever the message, nothing in the stored HTML can run or reach out.
    if (mail.html) {
      expect(mail.html).not.toMatch(/<script|<style|<form|<input|<button|<iframe|<object|<svg|<link|<meta/i);
      expect(mail.html).not.toMatch(/\son\w+=|javascript:|expression\(|url\(|@import|position:\s*fixed|\\/i);
      expect(mail.html).not.toMatch(/<img[^>]*\ssrc="https?:/i);
    }
  });
});

describe("sanitized HTML", () => {
  it("drops scripts, handlers and javascript: links but keeps the text and safe links", async () => {
    const { html } = await load("html-script.eml");
    expect(html).toContain("<p>Hello <b>agent</b></p>");
    expect(html).toContain('href="https://acme.test/ok"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it("keeps plain presentational CSS and drops overlays, forms and escapes", async () => {
    const { html } = await load("html-form-css.eml");
    expect(html).toContain('<p style="color:blue">kept blue</p>');
    expect(html).not.toContain("Sign in</button>");
    expect(html).not.toMatch(/z-index|color:\s*\\72/);
  });

  it("holds back remote images until the agent asks and keeps raster data: images", async () => {
    const { html } = await load("html-remote-images.eml");
    expect(html).toContain('data-remote-src="https://cdn.shop.example/damage.jpg"');
    expect(html).toContain('src="data:image/png;base64,');
    expect(html).not.toContain("image/svg+xml");
    expect(html).not.toContain("background=");
  });

  it("points inline images at their part by Content-ID", async () => {
    const mail = await load("inline-image-cid.eml");
    expect(mail.html).toContain('data-cid="shot1@nordmann.example"');
    expect(mail.attachments[0]).toMatchObject({ contentId: "shot1@nordmann.example", inline: true, contentType: "image/png" });
  });
});
