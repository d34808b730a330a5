import { parseArgs } from "node:util";
import postgres from "postgres";
import { encodeKeysetCursor } from "@/lib/api/keyset-cursor";
import { createTestApiKey } from "@/lib/testing/factories";
import { provisionCachedBenchDatabase } from "./support/cached-database";
import { cleanUpAppBench, closedLoop, onInterrupt, startAppBench, timedFetch } from "./support/app-bench";
import { elapsed, ms, percentileChart, summarize } from "./support/report";
import { runBenchmark } from "./support/run-benchmark";

// npm run bench:timeline — the customer timeline at scale, on the real server over HTTP:
// 10,000,000 touchpoints over 1,000,000 customers seeded set-based (generate_series),
// then ingest through POST /api/v1/batch (100 events a batch, several clients at once),
// a customer with 100,000 touchpoints read through GET /api/v1/customers/:id/timeline
// (first page and a deep keyset page), and customer search (GET /api/v1/customers?q=)
// when it exists. Targets (issue 6): ingest ≥ 10,000 events/s; timeline pages p95 ≤ 30 ms;
// search p95 ≤ 50 ms. `--customers N --touchpoints N` scale it down for a quick look.

const { values: args } = parseArgs({
  options: { customers: { type: "string" }, touchpoints: { type: "string" }, seconds: { type: "string" } },
  strict: true,
});
const scale = {
  customers: Number(args.customers ?? 1_000_000),
  touchpoints: Number(args.touchpoints ?? 10_000_000),
  heavy: 100_000,
  chunk: 500_000,
};
const ingest = { clients: 8, batchSize: 100, seconds: Number(args.seconds ?? 20) };
const reads = { iterations: 200, warmUp: 20 };
const targets = { eventsPerSecond: 10_000, timelineMs: 30, searchMs: 50 };
const heavyCustomer = "00000000-0000-4000-8000-00000000beef";

// Bump when the seed below changes: the seeded database is kept and reused under this name.
const datasetVersion = "timeline_v2";
const dataset = `${datasetVersion}_c${scale.customers}_t${scale.touchpoints}`;

// Names without numbers, so the words table typo correction reads stays as small as real
// names make it: real first and last names, and last names made of syllables for variety.
const firstNames = ["Maria", "John", "Aiko", "Lena", "Omar", "Priya", "Lucas", "Chen", "Sofia", "Noah", "Fatima", "Ivan", "Grace", "Mateo", "Zoe", "Kwame",
  "Amelia", "Hugo", "Ines", "Jonas", "Leila", "Marco", "Nadia", "Oscar", "Paula", "Rafael", "Sara", "Tomas", "Yara", "Emil", "Hana", "Diego"];
const lastNames = ["Lopez", "Smith", "Tanaka", "Schmidt", "Haddad", "Shah", "Silva", "Wang", "Rossi", "Brown", "Khan", "Petrov", "Okafor", "Garcia", "Martin", "Novak"];
const syllables = ["Al", "Bar", "Cas", "Dan", "El", "Fer", "Gal", "Hal", "Ish", "Jan", "Kor", "Lam", "Mor", "Nak", "Os", "Pet", "Quin", "Ros", "Sil", "Tan", "Ul", "Val", "Wen", "Zel"];
const endings = ["ez", "son", "ova", "ani", "berg", "ski", "ton", "elli", "aka", "ard", "ine", "ur", "ic", "ey", "ado", "mann"];
const sqlArray = (values: string[]) => `array[${values.map((v) => `'${v}'`).join(",")}]`;
const lastNameSql = `case when n % 3 = 0 then (${sqlArray(lastNames)})[1 + (n / 3) % ${lastNames.length}]
  else (${sqlArray(syllables)})[1 + (n / 7) % ${syllables.length}] || (${sqlArray(endings)})[1 + (n / 11) % ${endings.length}] end`;

const customerSql = (from: number, to: number) => `
  insert into customers (id, name, email, created_at, updated_at)
  select md5('bench-customer-' || n)::uuid, (${sqlArray(firstNames)})[1 + n % ${firstNames.length}] || ' ' || ${lastNameSql},
    'customer' || n || '@example.test', now() - interval '400 days', now() - interval '400 days'
  from generate_series(${from}, ${to}) n`;

const identitySql = (from: number, to: number) => `
  insert into customer_identities (customer_id, kind, value)
  select md5('bench-customer-' || n)::uuid, k.kind::identity_kind,
    case k.kind when 'email' then 'customer' || n || '@example.test' else 'bench-user-' || n end
  from generate_series(${from}, ${to}) n, (values ('email'), ('external_id')) as k(kind)`;

const families = ["order", "website_visit", "marketing_email", "review", "social", "store_visit", "ad", "survey", "custom"];
const touchpointSql = (from: number, to: number, customer: string) => `
  insert into touchpoints (customer_id, family, type, source, occurred_at, received_at, title, properties, message_id, user_id)
  select ${customer}, f.family::touchpoint_family, f.type, 'bench', at, at, f.type || ' #' || n,
    jsonb_build_object('order_id', n, 'path', '/products/' || (n % 500)), 'seed-' || n, null
  from (select n, now() - random() * interval '365 days' as at, (n % 9) + 1 as fi from generate_series(${from}, ${to}) n) s
  join (select ordinality as fi, family, case family when 'order' then 'Order Completed' when 'website_visit' then 'page'
          when 'marketing_email' then 'Email Opened' else initcap(family) || ' Event' end as type
        from unnest(${sqlArray(families)}) with ordinality family) f on f.fi = s.fi`;

async function seed(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const startedAt = performance.now();
    const step = async (label: string, statements: string[]) => {
      const at = performance.now();
      for (const statement of statements) await sql.unsafe(statement);
      process.stdout.write(`  ${label.padEnd(44)} ${elapsed(at)}\n`);
    };
    const chunks = (total: number, size: number, make: (from: number, to: number) => string) =>
      Array.from({ length: Math.ceil(total / size) }, (_, i) => make(i * size + 1, Math.min(total, (i + 1) * size)));

    // Bulk loading into tables without their secondary indexes and then building each
    // index once is several times faster than maintaining them row by row. The indexes
    // come back exactly as the migrations made them (pg_get_indexdef).
    const indexes = await sql<{ name: string; definition: string }[]>`
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i join pg_class t on t.oid = i.indrelid
      where t.relname in ('customers', 'customer_identities', 'touchpoints')
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`;
    await step(`drop ${indexes.length} secondary indexes`, indexes.map((index) => `drop index ${index.name}`));

    await step(`${scale.customers.toLocaleString("en")} customers`, chunks(scale.customers, scale.chunk, customerSql));
    await sql.unsafe(`insert into customers (id, name, email) values ('${heavyCustomer}', 'Heavy Customer', 'heavy@example.test')`);
    await step(`${(2 * scale.customers).toLocaleString("en")} identities (email, external id)`, chunks(scale.customers, scale.chunk / 2, identitySql));
    // The seeded customer ids exist by construction: foreign key checks row by row are skipped.
    await sql.unsafe("set session_replication_role = replica");
    await step(
      `${scale.heavy.toLocaleString("en")} touchpoints of one customer`,
      [touchpointSql(1, scale.heavy, `'${heavyCustomer}'::uuid`)],
    );
    const rest = scale.touchpoints - scale.heavy;
    await step(
      `${rest.toLocaleString("en")} touchpoints over the others`,
      chunks(rest, scale.chunk, (from, to) =>
        touchpointSql(scale.heavy + from, scale.heavy + to, `md5('bench-customer-' || (1 + (random() * ${scale.customers - 1})::int))::uuid`),
      ),
    );
    await sql.unsafe("set session_replication_role = origin");
    await sql.unsafe("set maintenance_work_mem = '1GB'");
    for (const index of indexes) await step(`index ${index.name}`, [index.definition]);
    await step("vacuum analyze", ["vacuum analyze customers", "vacuum analyze customer_identities", "vacuum analyze customer_search_words", "vacuum analyze touchpoints"]);
    const [size] = await sql`select pg_size_pretty(pg_database_size(current_database())) as size`;
    process.stdout.write(`  seeded ${scale.touchpoints.toLocaleString("en")} touchpoints in ${elapsed(startedAt)}; database ${size!.size}\n`);
  } finally {
    await sql.end();
  }
}

// Every run sends new messageIds: the dataset is reused, and a repeated one would be a duplicate.
const runId = Date.now().toString(36);

function batchOf(client: number, sequence: number) {
  const batch = Array.from({ length: ingest.batchSize }, (_, i) => {
    const n = 1 + Math.floor(Math.random() * scale.customers);
    const messageId = `bench-${runId}-${client}-${sequence}-${i}`;
    // One in ten is a new anonymous visitor: identity resolution makes a customer for it.
    if (i % 10 === 0) return { type: "page", anonymousId: `anon-${messageId}`, messageId, properties: { path: `/p/${n % 300}` } };
    return { type: "track", userId: `bench-user-${n}`, messageId, event: "Order Completed", properties: { order_id: n, total: 19.9, currency: "EUR" } };
  });
  return JSON.stringify({ batch, sentAt: new Date().toISOString() });
}

async function main(): Promise<number> {
  const cached = await provisionCachedBenchDatabase("timeline", dataset);
  const { app, database, seeded: keys } = await startAppBench("timeline", async (database) => {
    if (cached.seeded) process.stdout.write(`  dataset ${dataset} seeded by an earlier run: not seeding again\n`);
    else {
      await seed(database.url);
      await cached.markSeeded();
    }
    return { write: (await createTestApiKey({ name: "bench write", scope: "ingest" })).key, read: (await createTestApiKey({ name: "bench read" })).key };
  }, { provision: async () => cached });
  const problems: string[] = [];

  // Ingest.
  const auth = { authorization: `Basic ${Buffer.from(`${keys.write}:`).toString("base64")}`, "content-type": "application/json" };
  let sequence = 0;
  const send = () => timedFetch(`${app.baseUrl}/api/v1/batch`, { method: "POST", headers: auth, body: batchOf(sequence % ingest.clients, sequence++) });
  await closedLoop(ingest.clients, 3, send);
  const loop = await closedLoop(ingest.clients, ingest.seconds, send);
  const eventsPerSecond = loop.perSecond * ingest.batchSize;
  process.stdout.write(
    `\nIngest: ${ingest.clients} clients × batches of ${ingest.batchSize} for ${ingest.seconds} s: ` +
      `${eventsPerSecond.toFixed(0)} events/s (batch p50 ${ms(loop.latency.p50)} ms, p95 ${ms(loop.latency.p95)} ms)` +
      `${loop.failed ? `, ${loop.failed} batches failed` : ""}; target ≥ ${targets.eventsPerSecond}: ${eventsPerSecond >= targets.eventsPerSecond ? "meets" : "MISSES"}\n`,
  );
  if (eventsPerSecond < targets.eventsPerSecond) problems.push(`ingest ${eventsPerSecond.toFixed(0)} events/s`);
  if (loop.failed) problems.push(`${loop.failed} ingest batches failed`);

  // Timeline reads of the customer with 100,000 touchpoints.
  const read = { authorization: `Bearer ${keys.read}` };
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  const [deep] = await sql`
    select to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, id from touchpoints
    where customer_id = ${heavyCustomer} order by occurred_at desc, id desc offset ${scale.heavy / 2} limit 1`;
  await sql.end();
  const deepCursor = encodeKeysetCursor({ at: deep!.at as string, id: deep!.id as string });
  const timelineUrl = `${app.baseUrl}/api/v1/customers/${heavyCustomer}/timeline`;
  const measure = async (url: string) => {
    const samples: number[] = [];
    for (let i = 0; i < reads.warmUp + reads.iterations; i++) {
      const answer = await timedFetch(url, { headers: read });
      if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
      if (i >= reads.warmUp) samples.push(answer.millis);
    }
    return summarize(samples);
  };
  const rows = [
    { name: "timeline, first page (25)", summary: await measure(timelineUrl) },
    { name: `timeline, page at row ${(scale.heavy / 2).toLocaleString("en")}`, summary: await measure(`${timelineUrl}?cursor=${deepCursor}`) },
    { name: "timeline, one family", summary: await measure(`${timelineUrl}?family=order&cursor=${deepCursor}`) },
  ];
  process.stdout.write(`\nA customer with ${scale.heavy.toLocaleString("en")} touchpoints, ${reads.iterations} requests each, one at a time:\n`);
  process.stdout.write(percentileChart(rows, targets.timelineMs));
  for (const row of rows) if (row.summary.p95 > targets.timelineMs) problems.push(`${row.name} p95 ${ms(row.summary.p95)} ms`);

  // Customer search, once GET /api/v1/customers?q= exists.
  const probe = await timedFetch(`${app.baseUrl}/api/v1/customers?q=maria`, { headers: read });
  if (probe.status === 200) {
    const queries = ["maria lopez", "tanaka", "customer123456@", "bench-user-98765", "shmidt", "okafr", "grace kormann", "mria lopz"];
    const search = [];
    for (const q of queries) search.push({ name: `search "${q}"`, summary: await measure(`${app.baseUrl}/api/v1/customers?q=${encodeURIComponent(q)}`) });
    process.stdout.write(`\nCustomer search over ${scale.customers.toLocaleString("en")} customers:\n`);
    process.stdout.write(percentileChart(search, targets.searchMs));
    for (const row of search) if (row.summary.p95 > targets.searchMs) problems.push(`${row.name} p95 ${ms(row.summary.p95)} ms`);
  } else {
    process.stdout.write(`\nCustomer search: GET /api/v1/customers?q= answered ${probe.status}; not measured\n`);
  }

  process.stdout.write(problems.length ? `\nMISSES: ${problems.join("; ")}\n` : "\nMeets every target\n");
  return problems.length ? 1 : 0;
}

onInterrupt(() => {});
runBenchmark(main, cleanUpAppBench);
