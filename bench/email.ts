import { randomBytes } from "node:crypto";
import { and, count, eq, ne } from "drizzle-orm";
import nodemailer from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import { closeDatabase, connectDatabase, db } from "@/lib/db/client";
import { inboundEmails } from "@/lib/db/schema";
import { createTestEmailChannel } from "@/lib/testing/factories";
import { cleanUpAppBench, onInterrupt, startAppBench } from "./support/app-bench";
import { freePort, ms } from "./support/report";
import { runBenchmark } from "./support/run-benchmark";

// npm run bench:email — mail accepted over SMTP, parsed, threaded and stored, on the
// real server: 1,000 messages from 200 customers over 8 SMTP connections, 10% of them
// with a 1 MB attachment, a third of the rest replies threaded by In-Reply-To. Measured
// from the first MAIL FROM until every message is a ticket message. The server logs its
// event loop delay each second (EVENT_LOOP_REPORT_MS). Targets: ≥ 100 messages/s, the
// event loop's p99 delay < 100 ms in every second of the run.

const messages = 1000;
const customers = 200;
const connections = 8;
const attachmentShare = 0.1;
const attachmentBytes = 1024 * 1024;
const targetPerSecond = 100;
const targetLagMs = 100;

let interrupted = false;

async function main(): Promise<number> {
  const smtpPort = await freePort();
  const { app, database, seeded } = await startAppBench(
    "email",
    async () => ({ channel: await createTestEmailChannel({ address: "bench@bench.touchbase.test" }) }),
    { env: { SMTP_PORT: String(smtpPort), EVENT_LOOP_REPORT_MS: "1000", LOG_LEVEL: "info" } },
  );
  onInterrupt(() => (interrupted = true));
  connectDatabase(database.url, { max: 2 });

  process.stdout.write(`Composing ${messages} messages (${attachmentShare * 100}% with a ${attachmentBytes / 1024 / 1024} MB attachment)…\n`);
  const attachment = randomBytes(attachmentBytes);
  const raws: Buffer[] = [];
  const firstIds: string[] = [];
  for (let i = 0; i < messages; i++) {
    const customer = i % customers;
    const id = `bench-${i}-${randomBytes(4).toString("hex")}@customer.example`;
    if (i < customers) firstIds[customer] = id;
    const threaded = i >= customers && i % 3 === 0;
    const withFile = i % Math.round(1 / attachmentShare) === 0;
    raws.push(
      await new MailComposer({
        from: `Customer ${customer} <customer-${customer}@bench.example>`,
        to: seeded.channel.settings.address,
        subject: threaded ? `Re: Question ${customer}` : `Question ${customer} #${i}`,
        text: `Message ${i}: ${"Lorem ipsum dolor sit amet. ".repeat(20)}`,
        html: `<p>Message <b>${i}</b></p><img src="https://tracker.example/${i}.gif">`,
        messageId: `<${id}>`,
        ...(threaded ? { inReplyTo: `<${firstIds[customer]}>` } : {}),
        attachments: withFile ? [{ filename: `photo-${i}.jpg`, content: attachment, contentType: "image/jpeg" }] : [],
      })
        .compile()
        .build(),
    );
  }
  const totalMb = raws.reduce((sum, raw) => sum + raw.byteLength, 0) / 1024 / 1024;

  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: smtpPort,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: connections,
    maxMessages: Infinity,
  });
  const logStart = app.output().length;
  process.stdout.write(`Sending ${totalMb.toFixed(0)} MB over ${connections} SMTP connections…\n`);
  const startedAt = performance.now();
  let refused = 0;
  await Promise.all(
    raws.map((raw) =>
      transport
        .sendMail({ envelope: { from: "sender@bench.example", to: [seeded.channel.settings.address] }, raw })
        .catch(() => (refused += 1)),
    ),
  );
  const acceptedSeconds = (performance.now() - startedAt) / 1000;
  transport.close();

  let processed = 0;
  while (!interrupted && processed < messages - refused) {
    const [row] = await db()
      .select({ value: count() })
      .from(inboundEmails)
      .where(and(eq(inboundEmails.channelId, seeded.channel.id), ne(inboundEmails.status, "received")));
    processed = row!.value;
    if (performance.now() - startedAt > 600_000) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const doneSeconds = (performance.now() - startedAt) / 1000;
  const [tickets] = await db()
    .select({ value: count() })
    .from(inboundEmails)
    .where(and(eq(inboundEmails.channelId, seeded.channel.id), eq(inboundEmails.status, "ticket")));
  await closeDatabase();

  const lags = app
    .output()
    .slice(logStart)
    .split("\n")
    .filter((line) => line.includes("event loop delay"))
    .map((line) => JSON.parse(line.slice(line.indexOf("{"))) as { p50: number; p99: number; max: number });
  const worstP99 = Math.max(0, ...lags.map((lag) => lag.p99));
  const worstMax = Math.max(0, ...lags.map((lag) => lag.max));
  const perSecond = processed / doneSeconds;

  process.stdout.write(
    [
      "",
      `accepted over SMTP: ${messages - refused} of ${messages} in ${acceptedSeconds.toFixed(1)} s (${((messages - refused) / acceptedSeconds).toFixed(0)} msg/s, ${(totalMb / acceptedSeconds).toFixed(1)} MB/s)`,
      `parsed, threaded, stored: ${processed} in ${doneSeconds.toFixed(1)} s → ${perSecond.toFixed(0)} msg/s (${tickets!.value} as ticket messages)`,
      `event loop delay per second of the run (${lags.length} samples): worst p99 ${ms(worstP99)} ms, worst max ${ms(worstMax)} ms`,
      "",
      `target ≥ ${targetPerSecond} msg/s: ${perSecond >= targetPerSecond ? "met" : "NOT met"}`,
      `target event loop p99 < ${targetLagMs} ms: ${worstP99 < targetLagMs ? "met" : "NOT met"}`,
      "",
    ].join("\n"),
  );
  return refused === 0 && processed === messages && perSecond >= targetPerSecond && worstP99 < targetLagMs ? 0 : 1;
}

runBenchmark(main, cleanUpAppBench);
