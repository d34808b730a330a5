import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";

let transport: { url: string; transporter: Transporter } | undefined;

/** The outgoing SMTP server (SMTP_URL, e.g. smtps://user:pass@smtp.example.com:465). */
export function smtpTransport(): Transporter {
  const url = getEnv().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set: outgoing mail stays in the outbox");
  if (transport?.url !== url) {
    transport?.transporter.close();
    // Short timeouts: a dead server should turn into "retrying" quickly, not hold a worker.
    transport = {
      url,
      transporter: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never),
    };
  }
  return transport.transporter;
}
