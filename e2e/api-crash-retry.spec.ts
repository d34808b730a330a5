import { randomUUID } from "node:crypto";
import { like } from "drizzle-orm";
import { freePort } from "@/bench/support/report";
import { db } from "@/lib/db/client";
import { tickets } from "@/lib/db/schema";
import { startApp, type AppProcess } from "@/lib/testing/app-process";
import { createTestApiKey } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";

// A client retrying what a crash left unanswered must not create anything twice. This
// runs a second app of its own on the test database, because it kills it with SIGKILL.

const creates = 120;

test("kill -9 mid-burst of creates, then retrying the unanswered ones with their Idempotency-Keys, doubles nothing", async ({
  unique,
}) => {
  test.setTimeout(180_000);
  const { key } = await createTestApiKey({ name: "crash test" });
  const prefix = unique("crash");
  const requests = Array.from({ length: creates }, (_, n) => ({
    idempotencyKey: randomUUID(),
    body: JSON.stringify({
      subject: `${prefix} #${n}`,
      customer: { email: `crash-${n}-${randomUUID()}@example.test` },
      message: { body: "Where is my parcel?" },
    }),
  }));
  const send = (app: AppProcess, request: (typeof requests)[number]) =>
    fetch(`${app.baseUrl}/api/v1/tickets`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        "idempotency-key": request.idempotencyKey,
      },
      body: request.body,
      signal: AbortSignal.timeout(30_000),
    }).then(async (response) => ({ status: response.status, text: await response.text() }));

  const options = { databaseUrl: process.env.DATABASE_URL!, authSecret: process.env.AUTH_SECRET!, timeoutMs: 60_000 };
  let app = await startApp({ ...options, port: await freePort() });
  const answered = new Set<number>();
  try {
    let answers = 0;
    const killed = new Promise<void>((resolve) => {
      const burst = requests.map((request, n) =>
        send(app, request).then(
          (answer) => {
            expect(answer.status, answer.text).toBe(201);
            answered.add(n);
            if (++answers === 10) resolve();
          },
          () => {},
        ),
      );
      void Promise.all(burst).then(() => resolve());
    }).then(() => app.kill());
    await killed;
  } finally {
    await app.kill();
  }
  const unanswered = requests.filter((_, n) => !answered.has(n));
  expect(unanswered.length, "the kill came too late to leave requests unanswered").toBeGreaterThan(0);

  app = await startApp({ ...options, port: await freePort() });
  try {
    const retries = await Promise.all(unanswered.map((request) => send(app, request)));
    for (const retry of retries) expect(retry.status, retry.text).toBe(201);
  } finally {
    await app.stop();
  }

  const created = await db().select({ subject: tickets.subject }).from(tickets).where(like(tickets.subject, `${prefix} #%`));
  expect(created).toHaveLength(creates);
  expect(new Set(created.map((ticket) => ticket.subject)).size).toBe(creates);
});
