import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { logger } from "@/lib/logger";
import { maxMessageBytes } from "./email-limits";
import { recentEmailChannelForRecipient, type EmailChannel } from "./email-channels";
import { processInBackground } from "./inbound-processing";
import { acceptEmail } from "./receive-email";


export type SmtpListenerOptions = { port: number; host?: string; maxMessageBytes?: number };

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * The built-in MX: accepts mail for the email channels' addresses (and their plus-tags)
 * and refuses anyone else during RCPT, so we never accept mail we would have to bounce.
 * The size limit is advertised (SIZE) and enforced during DATA. "250 OK" is answered only
 * after the raw message is in storage and recorded; parsing and threading follow.
 * No AUTH and no STARTTLS: it is meant for a relay or MX in front of it, or a private network.
 */
export async function startSmtpListener(options: SmtpListenerOptions): Promise<{ port: number; close: () => Promise<void> }> {
  const maxBytes = options.maxMessageBytes ?? maxMessageBytes;
  // Recipients accepted in each SMTP session, with the channel each reaches.
  const recipients = new Map<string, Map<string, EmailChannel>>();

  const server = new SMTPServer({
    name: "touchbase",
    banner: "Touchbase",
    size: maxBytes,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    hideSTARTTLS: true,
    logger: false,
    socketTimeout: 60_000,
    onRcptTo(address, session, callback) {
      recentEmailChannelForRecipient(address.address)
        .then((channel) => {
          if (!channel) return callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`));
          const accepted = recipients.get(session.id) ?? new Map<string, EmailChannel>();
          accepted.set(address.address.toLowerCase(), channel);
          recipients.set(session.id, accepted);
          callback();
        })
        .catch((error: unknown) => {
          logger.error("SMTP recipient lookup failed", { error });
          callback(smtpError(451, "4.3.0 temporary failure, try again later"));
        });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        // Past the limit, stop keeping bytes but read on, so the dialogue can answer 552.
        if (size <= maxBytes) chunks.push(chunk);
      });
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        if (stream.sizeExceeded || size > maxBytes) {
          return callback(smtpError(552, `5.3.4 message exceeds the ${Math.round(maxBytes / 1024 / 1024)} MB limit`));
        }
        deliver(Buffer.concat(chunks, size), session)
          .then(() => callback())
          .catch((error: unknown) => {
            logger.error("SMTP message could not be stored", { error });
            callback(smtpError(451, "4.3.0 could not store the message, try again later"));
          });
      });
    },
    onClose(session) {
      recipients.delete(session.id);
    },
  });
  server.on("error", (error) => logger.error("SMTP listener error", { error }));

  async function deliver(raw: Buffer, session: SMTPServerSession) {
    const accepted = recipients.get(session.id) ?? new Map<string, EmailChannel>();
    // Recipients of one message may reach different channels: each gets its own copy.
    const byChannel = new Map<string, { channel: EmailChannel; to: string[] }>();
    for (const [address, channel] of accepted) {
      const entry = byChannel.get(channel.id) ?? { channel, to: [] };
      entry.to.push(address);
      byChannel.set(channel.id, entry);
    }
    const from = session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null;
    for (const { channel, to } of byChannel.values()) {
      const { inbound, duplicate } = await acceptEmail(channel, raw, { from, to }, "smtp");
      if (!duplicate || inbound.status === "received") processInBackground(channel, inbound, raw);
    }
    // The next message in this session starts with its own RCPT TO commands.
    recipients.delete(session.id);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
