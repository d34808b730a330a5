import { phoneWebhookUrls } from "@/lib/channels/phone/phone-channel-config";
import { SimulatedCall, signedTwilioRequest, type SimulatedWebhook } from "@/lib/channels/phone/twilio-simulator";
import { createTestPhoneChannel, uniquePhoneNumber, type TestPhoneChannel } from "@/lib/testing/phone";
import { cleanUpAppBench, closedLoop, onInterrupt, startAppBench, timedFetch } from "./support/app-bench";
import { processGroupCpuMs } from "./support/process-cpu";
import { ms, percentileChart, summarize } from "./support/report";
import { runBenchmark } from "./support/run-benchmark";

// npm run bench:phone — Twilio's voice webhooks on the real server: 50 calls at once, each
// played start to end as Twilio sends it (incoming call, answered, dial ended, completed;
// every request signed), new calls as soon as one ends, for 20 s. Every call is a new
// caller, so each incoming webhook finds or creates a customer and opens a ticket.
// Target (issue 9): p95 ≤ 100 ms per webhook — a slow answer is dead air for the caller.
// For context, measured the same way in the same run: GET /api/health, the lightest request
// the server answers, and the server's CPU time per request (which, unlike a response time,
// does not grow while the request waits for a CPU that other work keeps busy).

const concurrentCalls = 50;
const seconds = 20;
const targetP95 = 100;
const healthSeconds = 5;

function cpuPerRequest(before: number | null, after: number | null, requests: number): number | null {
  return before === null || after === null || requests === 0 ? null : (after - before) / requests;
}

async function main(): Promise<number> {
  const { app, seeded: channel } = await startAppBench("phone", () => createTestPhoneChannel({ agentNumbers: ["+15555550101"] }));
  const webhooks = phoneWebhookUrls(app.baseUrl, channel.id);
  const latencies: Record<string, number[]> = { voice: [], status: [], dial: [] };
  let failed = 0;
  let calls = 0;

  const send = async (kind: keyof typeof latencies, webhook: SimulatedWebhook) => {
    const { url, init } = signedTwilioRequest(channel.authToken, webhook);
    const answer = await timedFetch(url, init);
    if (answer.status === 200) latencies[kind]!.push(answer.millis);
    else failed += 1;
  };
  const playCall = async (target: TestPhoneChannel) => {
    const call = new SimulatedCall({ accountSid: target.accountSid, webhooks, from: uniquePhoneNumber(), to: target.phoneNumber });
    await send("voice", call.incoming());
    await send("status", call.status("in-progress"));
    await send("dial", call.dialEnded("completed", 60));
    await send("status", call.status("completed", 62));
    calls += 1;
  };

  // Warm-up: route code compiled, pools filled.
  await Promise.all(Array.from({ length: 10 }, () => playCall(channel)));
  for (const samples of Object.values(latencies)) samples.length = 0;
  calls = 0;

  const healthCpuBefore = processGroupCpuMs(app.processGroup);
  const health = await closedLoop(concurrentCalls, healthSeconds, () => timedFetch(`${app.baseUrl}/api/health`));
  const healthCpu = cpuPerRequest(healthCpuBefore, processGroupCpuMs(app.processGroup), health.perSecond * healthSeconds);

  const cpuBefore = processGroupCpuMs(app.processGroup);
  const startedAt = performance.now();
  const deadline = startedAt + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrentCalls }, async () => {
      while (performance.now() < deadline) await playCall(channel);
    }),
  );
  const took = (performance.now() - startedAt) / 1000;
  const all = Object.values(latencies).flat();
  const webhookCpu = cpuPerRequest(cpuBefore, processGroupCpuMs(app.processGroup), all.length + failed);
  const overall = summarize(all);
  process.stdout.write(`\n${concurrentCalls} concurrent calls for ${seconds} s: ${calls} calls, ${all.length} webhooks\n`);
  process.stdout.write(`${(all.length / took).toFixed(0)} webhook requests/s, ${(calls / took).toFixed(1)} calls/s\n\n`);
  const rows = [
    ...Object.entries(latencies).map(([kind, samples]) => ({ name: `${kind} webhook`, summary: summarize(samples), judged: false })),
    { name: "all webhooks", summary: overall },
  ];
  process.stdout.write(`${percentileChart(rows, targetP95)}\n`);
  process.stdout.write(`all webhooks: p50 ${ms(overall.p50)} ms, p95 ${ms(overall.p95)} ms (target ≤ ${targetP95} ms)\n`);
  process.stdout.write(
    `for context, GET /api/health with ${concurrentCalls} connections for ${healthSeconds} s: ${health.perSecond.toFixed(0)} requests/s, ` +
      `p50 ${ms(health.latency.p50)} ms, p95 ${ms(health.latency.p95)} ms\n`,
  );
  if (webhookCpu !== null && healthCpu !== null) {
    process.stdout.write(
      `server CPU per request: webhook ${ms(webhookCpu)} ms, health ${ms(healthCpu)} ms (a webhook costs ${(webhookCpu / healthCpu).toFixed(1)} health checks)\n`,
    );
  }
  const problems = [
    ...(overall.p95 > targetP95 ? [`p95 ${ms(overall.p95)} ms > ${targetP95} ms`] : []),
    ...(failed ? [`${failed} webhooks not answered 200`] : []),
  ];
  process.stdout.write(problems.length ? `\nMISSES: ${problems.join("; ")}\n` : `\nMeets: p95 ${ms(overall.p95)} ms ≤ ${targetP95} ms\n`);
  return problems.length ? 1 : 0;
}

onInterrupt(() => {});
runBenchmark(main, cleanUpAppBench);
