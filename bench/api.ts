import { createTestApiKey, createTestTicket } from "@/lib/testing/factories";
import { cleanUpAppBench, closedLoop, onInterrupt, startAppBench, timedFetch } from "./support/app-bench";
import { ms } from "./support/report";
import { runBenchmark } from "./support/run-benchmark";

// npm run bench:api — the weight of the public API's request path: GET /api/v1/tickets
// (a page of 25) against GET /api/health, which does one `select 1`, each with 50
// connections in a closed loop, on the real server. Both run in the same conditions in
// alternation, so the ratio holds on a loaded machine too. Target (issue 5): the list
// serves at least 0.6 of health's requests per second.

const connections = 50;
const secondsPerRound = 5;
const rounds = 2;
const targetRatio = 0.6;
const tickets = 200;

async function main(): Promise<number> {
  const { app, seeded: key } = await startAppBench("api", async () => {
    const { key, actor } = await createTestApiKey({ name: "bench api" });
    for (let i = 0; i < tickets; i++) await createTestTicket({ actor, subject: `Bench ticket ${i}` });
    return key;
  });
  const headers = { authorization: `Bearer ${key}` };
  const health = () => timedFetch(`${app.baseUrl}/api/health`);
  const list = () => timedFetch(`${app.baseUrl}/api/v1/tickets`, { headers });

  // Warm-up: route code loaded, connection pools filled.
  await closedLoop(connections, 2, health);
  await closedLoop(connections, 2, list);

  const results = { health: [] as number[], list: [] as number[] };
  const latencies: Record<string, string> = {};
  let failed = 0;
  for (let round = 1; round <= rounds; round++) {
    for (const [name, request] of [["health", health], ["list", list]] as const) {
      const result = await closedLoop(connections, secondsPerRound, request);
      results[name].push(result.perSecond);
      failed += result.failed;
      latencies[name] = `p50 ${ms(result.latency.p50)} ms, p95 ${ms(result.latency.p95)} ms`;
      process.stdout.write(
        `  round ${round} ${name.padEnd(6)} ${result.perSecond.toFixed(0).padStart(5)} req/s  ${latencies[name]}` +
          `${result.failed ? `  (${result.failed} failed)` : ""}\n`,
      );
    }
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const healthRate = mean(results.health);
  const listRate = mean(results.list);
  const ratio = listRate / healthRate;
  process.stdout.write(
    `\n${connections} connections, ${rounds} × ${secondsPerRound} s each\n` +
      `GET /api/health              ${healthRate.toFixed(0).padStart(5)} req/s\n` +
      `GET /api/v1/tickets (25)     ${listRate.toFixed(0).padStart(5)} req/s\n` +
      `ratio list / health          ${ratio.toFixed(2)}  (target ≥ ${targetRatio})\n`,
  );
  const problems = [
    ...(ratio < targetRatio ? [`ratio ${ratio.toFixed(2)} < ${targetRatio}`] : []),
    ...(failed ? [`${failed} requests not answered 200`] : []),
  ];
  process.stdout.write(problems.length ? `\nMISSES: ${problems.join("; ")}\n` : `\nMeets: ratio ${ratio.toFixed(2)} ≥ ${targetRatio}\n`);
  return problems.length ? 1 : 0;
}

onInterrupt(() => {});
runBenchmark(main, cleanUpAppBench);
