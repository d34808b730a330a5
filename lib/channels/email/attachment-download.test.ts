import { describe, expect, it } from "vitest";
import { createTestApiKey, createTestEmailChannel, uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";
import { findMessageView } from "@/lib/tickets/ticket-queries";
import { db } from "@/lib/db/client";
import { attachmentHeaders, openAttachment } from "./attachment-download";
import { receiveEmail } from "./receive-email";

describe("attachment downloads", { timeout: 60_000 }, () => {
  it("serve HTML and unknown types as downloads, never sniffed, with a name that cannot break the header", () => {
    const headers = attachmentHeaders({ filename: 'évil"\r\nX-Injected: 1.html', contentType: "text/html", size: 10 });
    expect(headers["content-type"]).toBe("application/octet-stream");
    expect(headers["content-disposition"]).toMatch(/^attachment; filename="_vil___X-Injected: 1.html"; filename\*=UTF-8''%C3%A9vil%22%0D%0AX-Injected%3A%201.html$/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(attachmentHeaders({ filename: "a.png", contentType: "image/png", size: 1 })["content-disposition"]).toMatch(/^inline;/);
  });

  it("open the stored bytes of a file a customer sent", async () => {
    const channel = await createTestEmailChannel();
    const raw = [
      `From: ${uniqueEmail("files")}`,
      `To: ${channel.settings.address}`,
      "Subject: receipt",
      `Message-ID: <${uniqueSuffix()}@x.example>`,
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain",
      "",
      "See attached.",
      "--b",
      'Content-Type: text/csv; name="order.csv"',
      'Content-Disposition: attachment; filename="order.csv"',
      "",
      "sku,qty",
      "--b--",
      "",
    ].join("\r\n");
    const received = await receiveEmail(channel, Buffer.from(raw), { from: null, to: [] }, "http");
    const { actor } = await createTestApiKey();
    const [first] = await db().query.messages.findMany({ where: (m, { eq }) => eq(m.ticketId, received.ticketId!) });
    const view = await findMessageView(db(), first!.id);
    expect(view?.attachments.map((a) => a.filename)).toEqual(["order.csv"]);
    const file = await openAttachment(actor, view!.attachments[0]!.id);
    expect(file.body.toString()).toBe("sku,qty");
    expect(file.headers["content-disposition"]).toMatch(/^attachment; filename="order.csv"/);
  });
});
