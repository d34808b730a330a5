import { createTestApiKey, createTestTicket } from "@/lib/testing/factories";
import { cleanUpAppBench, onInterrupt, startAppBench, timedFetch, type Timed } from "./support/app-bench";
import { histogram, ms, percentileChart, summarize } from "./support/report";
import { runBenchmark } from "./support/run-benchmark";

// npm run bench:busy-ticket — one busy ticket must not stall everyone (issue 5): 400 notes
// posted at once to one ticket, on the real server, while other clients read unrelated
// tickets and a load balancer polls /api/health. Targets: the unrelated reads keep
// p95 ≤ 100 ms, and health never fails (200, "ok" or "busy", never 503).

const notes = 400;
const readers = 4;
const unrelatedTickets = 20;
const healthEveryMs = 100;
const targetMs = 100;

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));
let interrupted = false;

async function main(): Promise<number> {
  const { app, seeded } = await startAppBench("busy-ticket", async () => {
    const { key, actor } = await createTestApiKey({ name: "bench busy ticket" });
    const hot = await createTestTicket({ actor, subject: "The busy ticket" });
    const others = [];
    for (let i = 0; i < unrelatedTickets; i++) others.push((await createTestTicket({ actor, subject: `Quiet ticket ${i}` })).id);
    return { key, hot: hot.id, others };
  });
  const headers = { authorization: `Bearer ${seeded.key}` };
  const readTicket = (n: number) => timedFetch(`${app.baseUrl}/api/v1/tickets/${seeded.others[n % unrelatedTickets]}`, { headers });
  const postNote = (n: number) =>
    timedFetch(`${app.baseUrl}/api/v1/tickets/${seeded.hot}/messages`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ kind: "note", body: `Note ${n} on the busy ticket` }),
    });

  // Warm-up: route code loaded, pools filled.
  for (let i = 0; i < 20; i++) await Promise.all([readTicket(i), postNote(-1 - i), timedFetch(`${app.baseUrl}/api/health`)]);

  let bursting = true;
  const reads: Timed[] = [];
  const healthChecks: (Timed & { body: string })[] = [];
  const readLoops = Array.from({ length: readers }, async (_, reader) => {
    for (let n = reader; bursting && !interrupted; n += readers) reads.push(await readTicket(n));
  });
  const healthLoop = (async () => {
    while (bursting && !interrupted) {
      const check = await timedFetch(`${app.baseUrl}/api/health`);
      healthChecks.push({ ...check, body: check.text });
      await sleep(healthEveryMs);
    }
  })();

  process.stdout.write(`Posting ${notes} notes at once to one ticket, with ${readers} readers of ${unrelatedTickets} other tickets and health every ${healthEveryMs} ms…\n`);
  await sleep(300);
  const burstStartedAt = performance.now();
  const posted = await Promise.all(Array.from({ length: notes }, (_, n) => postNote(n)));
  const burstSeconds = (performance.now() - burstStartedAt) / 1000;
  await sleep(300);
  bursting = false;
  await Promise.all([...readLoops, healthLoop]);

  const byStatus = (answers: Timed[]) => {
    const counts = new Map<number, number>();
    for (const answer of answers) counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
    return [...counts].map(([status, count]) => `${count} × ${status || "network error"}`).join(", ");
  };
  const okReads = reads.filter((read) => read.status === 200);
  const read = summarize(okReads.map((r) => r.millis));
  const note = summarize(posted.filter((p) => p.status === 201).map((p) => p.millis));
  const healthLatency = summarize(healthChecks.map((h) => h.millis));
  const healthStates = new Map<string, number>();
  for (const check of healthChecks) {
    const state = check.status === 200 ? ((JSON.parse(check.body) as { status: string }).status) : `HTTP ${check.status}`;
    healthStates.set(state, (healthStates.get(state) ?? 0) + 1);
  }
  const healthFailures = healthChecks.filter((h) => h.status !== 200).length;

  process.stdout.write(`\nBurst of ${notes} notes answered in ${burstSeconds.toFixed(1)} s: ${byStatus(posted)}\n`);
  process.stdout.write(`Unrelated reads: ${byStatus(reads)}\n`);
  process.stdout.write(`Health: ${healthChecks.length} checks, ${[...healthStates].map(([s, c]) => `${c} × ${s}`).join(", ")}\n\n`);
  process.stdout.write(
    percentileChart(
      [
        { name: "unrelated ticket read", summary: read },
        { name: "health", summary: healthLatency, judged: false },
        { name: "note on the busy ticket (201)", summary: note, judged: false },
      ],
      targetMs,
      ["p50", "p95", "p99", "max"],
    ),
  );
  process.stdout.write(`\nUnrelated reads during the burst, ${okReads.length} requests\n`);
  process.stdout.write(histogram(okReads.map((r) => r.millis), [10, 20, 50, 100, 200, 500, 1000]));

  const problems = [
    ...(read.p95 > targetMs ? [`unrelated read p95 ${ms(read.p95)} ms > ${targetMs} ms`] : []),
    ...(okReads.length < reads.length ? [`${reads.length - okReads.length} unrelated reads failed`] : []),
    ...(healthFailures ? [`health failed ${healthFailures} times`] : []),
  ];
  process.stdout.write(
    problems.length
      ? `\nMISSES: ${problems.join("; ")}\n`
      : `\nMeets: unrelated read p95 ${ms(read.p95)} ms ≤ ${targetMs} ms, health never failed\n`,
  );
  return problems.length ? 1 : 0;
}

onInterrupt(() => (interrupted = true));
runBenchmark(main, cleanUpAppBench);
