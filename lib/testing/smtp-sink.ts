import { SMTPServer } from "smtp-server";

export type SinkMail = { from: string | null; to: string[]; raw: Buffer };
export type SmtpSink = { port: number; received: SinkMail[]; close: () => Promise<void> };

/**
 * A real SMTP server that keeps what it is sent, for tests of our outgoing mail.
 * `rejectRecipients`: local parts it refuses with a permanent 550.
 */
export async function startSmtpSink(port: number, options: { rejectRecipients?: RegExp } = {}): Promise<SmtpSink> {
  const received: SinkMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipients?.test(address.address)) {
        return callback(Object.assign(new Error("5.1.1 mailbox unavailable"), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
