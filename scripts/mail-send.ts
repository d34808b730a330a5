import { parseArgs } from "node:util";
import nodemailer from "nodemailer";
import { getEnv } from "@/lib/env";

// Sends one mail to Touchbase's SMTP listener, as a customer's mail server would:
//   npm run mail:send -- --from maria@example.net --subject "Where is my order?" --text "It has not arrived."
// Defaults: to support@demo.touchbase.test on localhost:2525 (the demo's email channel).
const { values } = parseArgs({
  options: {
    to: { type: "string", default: "support@demo.touchbase.test" },
    from: { type: "string", default: "maria@example.net" },
    name: { type: "string" },
    subject: { type: "string", default: "Where is my order?" },
    text: { type: "string", default: "Hi, my order #1042 has not arrived yet. Can you help?" },
    "in-reply-to": { type: "string" },
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: String(getEnv().SMTP_PORT) },
  },
});

const transport = nodemailer.createTransport({ host: values.host, port: Number(values.port), secure: false, ignoreTLS: true });
try {
  const info = await transport.sendMail({
    from: values.name ? { name: values.name, address: values.from! } : values.from,
    to: values.to,
    subject: values.subject,
    text: values.text,
    ...(values["in-reply-to"] ? { inReplyTo: values["in-reply-to"], references: [values["in-reply-to"]] } : {}),
  });
  console.log(`Sent ${info.messageId} to ${values.to} through ${values.host}:${values.port}: ${info.response}`);
} catch (error) {
  const { response, message } = error as { response?: string; message?: string };
  console.error(`Not sent: ${response ?? message}`);
  process.exit(1);
}
