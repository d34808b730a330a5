import { randomBytes } from "node:crypto";
import os from "node:os";
import postgres from "postgres";
import { createApiKey } from "@/lib/auth/api-keys";
import { closeDatabase, connectDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";
import { startApp, type AppProcess } from "@/lib/testing/app-process";
import { accessPaths, capturingDatabase, explain } from "@/lib/testing/query-plans";
import { listTicketSummaries, type TicketListFilter } from "@/lib/tickets/ticket-queries";
import { provisionBenchDatabase, type BenchDatabase } from "./support/database";
import { elapsed, freePort, percentileChart, summarize, type Summary } from "./support/report";
import { runBenchmark } from "./support/run-benchmark";

// npm run bench:inbox — the shared inbox at a million tickets, measured where an agent's
// browser or an integration meets it: the HTTP API of the real server (`npm start`), with
// authentication and JSON. 1,000,000 tickets, ~5,000,000 messages, 200 agents in 20 teams,
// 200,000 customers, generated set-based (generate_series) in SQL.
//
// The dataset is kept between runs in a database named after its version on DATABASE_URL's
// server (`touchbase_bench_inbox_v<N>`): a rerun migrates it and measures at once. Bump
// datasetVersion when the generator changes; `-- --fresh` regenerates. Without DATABASE_URL
// an embedded PostgreSQL is made (and removed) for each run.
//
// Targets on the 2-core reference machine: list pages p95 ≤ 25 ms, search p95 ≤ 200 ms, a
// bulk update of 5,000 tickets ≤ 2 s.

const datasetVersion = 2;
const scale = { tickets: 1_000_000, customers: 200_000, agents: 200, teams: 20, days: 365, chunk: 100_000 };
const bigTicketMessages = 500;
const iterations = 100;
const warmUp = 10;
const listTargetMs = 25;
const searchTargetMs = 200;
const bulkTargetMs = 2_000;
const bulkSize = 5_000;
const deepPage = 40;
const pageSize = 25;

// Words messages are made of: "refund" is in many tickets, "zeppelin" in a few hundred.
const vocabulary = [
  "order", "parcel", "delivery", "invoice", "refund", "account", "password", "shipping", "tracking", "damaged",
  "return", "exchange", "payment", "card", "address", "warranty", "discount", "subscription", "login", "broken",
];
const rareWord = "zeppelin";
const commonWord = "refund";

const sqlArray = (words: string[]) => `array[${words.map((w) => `'${w}'`).join(",")}]`;

/** The body of message `seq` of ticket `n`, as SQL: a few words from the vocabulary; 1 in 5,000 tickets mention the rare word. */
const bodySql = (n: string, seq: string) =>
  `(case when ${seq} % 2 = 1 then 'Hello, ' else 'Thanks, ' end) || 'about my ' ||
   (${sqlArray(vocabulary)})[1 + ((${n} * 7 + ${seq} * 13) % ${vocabulary.length})] || ' and the ' ||
   (${sqlArray(vocabulary)})[1 + ((${n} * 11 + ${seq} * 3) % ${vocabulary.length})] ||
   case when ${n} % 5000 = 17 then ' on the ${rareWord}' else '' end ||
   '. Could you check what is going on and let me know? We are looking into it and will update you shortly.'`;

// Ids the API accepts: md5 made into an RFC 4122 version 4 UUID (zod checks the version and variant).
const createIdFunction = `
  create or replace function bench_uuid(seed text) returns uuid language sql immutable as
  $$ select overlay(overlay(md5(seed) placing '4' from 13) placing '8' from 17)::uuid $$`;

const insertPeople = `
  insert into users (id, email, name, role, created_at)
  select bench_uuid('bench-agent-' || n), 'agent' || n || '@bench.test', 'Agent ' || n, 'agent', now() - interval '2 years'
  from generate_series(1, ${scale.agents}) n;
  insert into teams (id, name)
  select bench_uuid('bench-team-' || n), 'Team ' || n from generate_series(1, ${scale.teams}) n;
  insert into team_members (team_id, user_id)
  select bench_uuid('bench-team-' || (1 + n % ${scale.teams})), bench_uuid('bench-agent-' || n) from generate_series(1, ${scale.agents}) n;
  insert into customers (id, name, email, created_at, updated_at)
  select bench_uuid('bench-customer-' || n), 'Customer ' || n, 'customer' || n || '@example.test', now() - interval '2 years', now() - interval '2 years'
  from generate_series(1, ${scale.customers}) n;
  insert into customer_identities (customer_id, kind, value, created_at)
  select id, 'email', email, created_at from customers;`;

// Older tickets are mostly resolved or closed; recent ones mostly open or pending. Ticket 1
// is the one with 500 messages.
const insertTickets = `
  with s as (
    select n, now() - random() * interval '${scale.days} days' as last_at,
      case when n = 1 then ${bigTicketMessages} else 1 + floor(random() * 9)::int end as message_count,
      random() r_status, random() r_priority, random() r_channel, random() r_tags, random() r_unassigned,
      random() r_agent, random() r_team, random() r_customer,
      (array['Order','Refund','Login','Invoice','Shipping','Bug report','Account','Question'])[1 + floor(random() * 8)::int] || ' #' || n as subject
    from generate_series($1::int, $2::int) n
  ), t as (
    select s.*,
      (case when last_at > now() - interval '14 days'
        then case when r_status < 0.5 then 'open' when r_status < 0.7 then 'pending' when r_status < 0.75 then 'snoozed' else 'resolved' end
        else case when r_status < 0.04 then 'open' when r_status < 0.08 then 'pending' when r_status < 0.6 then 'resolved' else 'closed' end
      end)::ticket_status as status
    from s
  )
  insert into tickets (id, subject, status, priority, channel, customer_id, assignee_id, team_id, tags, snoozed_until,
    last_message_seq, last_message_at, last_message_preview, first_response_at, resolved_at, created_at, updated_at, search_vector)
  select bench_uuid('bench-ticket-' || n), subject, status,
    (case when r_priority < 0.15 then 'low' when r_priority < 0.8 then 'normal' when r_priority < 0.95 then 'high' else 'urgent' end)::ticket_priority,
    (case when r_channel < 0.6 then 'email' when r_channel < 0.9 then 'chat' else 'phone' end)::channel_kind,
    bench_uuid('bench-customer-' || (1 + floor(power(r_customer, 1.5) * ${scale.customers}))::int),
    case when r_unassigned < (case when status = 'open' then 0.3 else 0.05 end) then null
      else bench_uuid('bench-agent-' || (1 + floor(r_agent * ${scale.agents}))::int) end,
    case when r_team < 0.1 then null else bench_uuid('bench-team-' || (1 + floor(r_team * ${scale.teams}))::int) end,
    case when r_tags < 0.5 then '{}'::text[] when r_tags < 0.7 then '{billing}' when r_tags < 0.85 then '{shipping}'
      when r_tags < 0.95 then '{bug}' when r_tags < 0.999 then '{billing,vip}' else '{legal}' end,
    case when status = 'snoozed' then now() + interval '3 days' end,
    message_count, last_at, left(${bodySql("n", "message_count")}, 140),
    last_at - (message_count - 1) * interval '3 hours' + interval '1 hour',
    case when status in ('resolved', 'closed') then last_at end,
    last_at - (message_count - 1) * interval '3 hours', last_at,
    (select ticket_search_words(string_agg(${bodySql("n", "m")}, ' ')) from generate_series(1, message_count) m)
  from t`;

const insertMessages = `
  insert into messages (ticket_id, seq, direction, kind, author_user_id, author_customer_id, body_text, created_at)
  select t.id, m.seq,
    (case when m.seq % 2 = 1 then 'in' else 'out' end)::message_direction,
    (case when m.seq % 10 = 4 then 'note' else 'reply' end)::message_kind,
    case when m.seq % 2 = 0 then coalesce(t.assignee_id, bench_uuid('bench-agent-1')) end,
    case when m.seq % 2 = 1 then t.customer_id end,
    ${bodySql("(t.number - 1000)", "m.seq")},
    t.created_at + (m.seq - 1) * interval '3 hours'
  from tickets t cross join lateral generate_series(1, t.last_message_seq) m(seq)
  where t.number between $1::int and $2::int`;

async function generate(sql: postgres.Sql) {
  const startedAt = performance.now();
  process.stdout.write(`Generating ${scale.tickets.toLocaleString("en")} tickets, ~5,000,000 messages, ${scale.agents} agents, ${scale.teams} teams\n`);
  // Loading without the indexes and building them after is several times faster.
  const indexes = await sql<{ name: string; definition: string }[]>`
    select indexname name, indexdef definition from pg_indexes
    where schemaname = 'public' and tablename in ('tickets', 'messages') and indexname not like '%_pkey'`;
  for (const index of indexes) await sql.unsafe(`drop index ${index.name}`);
  await sql`select setseed(0.4242)`;
  await sql.unsafe(createIdFunction);
  await sql.unsafe(insertPeople);
  process.stdout.write(`  people and customers  ${elapsed(startedAt)}\n`);
  for (let first = 1; first <= scale.tickets; first += scale.chunk) {
    await sql.unsafe(insertTickets, [first, first + scale.chunk - 1]);
    process.stdout.write(`  tickets ${(first + scale.chunk - 1).toLocaleString("en")}  ${elapsed(startedAt)}\n`);
  }
  const [range] = await sql<{ first: number; last: number }[]>`select min(number) first, max(number) last from tickets`;
  for (let first = range!.first; first <= range!.last; first += scale.chunk) {
    await sql.unsafe(insertMessages, [first, first + scale.chunk - 1]);
    process.stdout.write(`  messages of tickets up to #${(first + scale.chunk - 1).toLocaleString("en")}  ${elapsed(startedAt)}\n`);
  }
  await sql`set maintenance_work_mem = '256MB'`;
  for (const index of indexes) await sql.unsafe(index.definition);
  process.stdout.write(`  ${indexes.length} indexes rebuilt  ${elapsed(startedAt)}\n`);
  await sql`vacuum analyze`;
  const [counts] = await sql<{ tickets: number; messages: number }[]>`
    select (select count(*)::int from tickets) tickets, (select count(*)::int from messages) messages`;
  process.stdout.write(
    `Generated ${counts!.tickets.toLocaleString("en")} tickets and ${counts!.messages.toLocaleString("en")} messages in ${elapsed(startedAt)}\n`,
  );
}

/** The cached dataset's database on DATABASE_URL's server, made and filled when missing. */
async function cachedDataset(fresh: boolean): Promise<BenchDatabase> {
  const serverUrl = getEnv().DATABASE_URL;
  if (!serverUrl) {
    const database = await provisionBenchDatabase("inbox");
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    await generate(sql);
    await sql.end();
    return database;
  }
  const name = `touchbase_bench_inbox_v${datasetVersion}`;
  const server = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    if (fresh) await server.unsafe(`drop database if exists ${name} with (force)`);
    const [exists] = await server`select 1 from pg_database where datname = ${name}`;
    if (!exists) await server.unsafe(`create database ${name}`);
  } finally {
    await server.end();
  }
  await migrateDatabase(url.toString());
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await sql`create table if not exists bench_dataset (version int primary key, generated_at timestamptz not null default now())`;
  const [done] = await sql`select generated_at from bench_dataset where version = ${datasetVersion}`;
  if (done) process.stdout.write(`Reusing the dataset in ${name} (generated ${String(done.generated_at)}; -- --fresh regenerates)\n`);
  else {
    await sql`truncate tickets, customers, teams, users cascade`;
    await generate(sql);
    await sql`insert into bench_dataset (version) values (${datasetVersion})`;
  }
  await sql.end();
  return { url: url.toString(), description: `database ${name} on DATABASE_URL's server (kept)`, dispose: async () => {} };
}

type Case = { name: string; target: number; request: (i: number) => Promise<Response> };

async function measure(benchCase: Case): Promise<Summary> {
  for (let i = 0; i < warmUp; i++) await (await benchCase.request(-1 - i)).text();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const startedAt = performance.now();
    const response = await benchCase.request(i);
    await response.json();
    if (response.status !== 200) throw new Error(`${benchCase.name}: HTTP ${response.status}`);
    samples.push(performance.now() - startedAt);
  }
  return summarize(samples);
}

let database: BenchDatabase | null = null;
let app: AppProcess | null = null;

async function main(): Promise<number> {
  const cpu = os.cpus();
  process.stdout.write(
    `bench:inbox on ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), load average ${os.loadavg()[0]!.toFixed(1)}\n`,
  );
  database = await cachedDataset(process.argv.includes("--fresh"));
  const raw = postgres(database.url, { max: 1, onnotice: () => {} });
  const [server] = await raw<{ version: string }[]>`select version()`;
  process.stdout.write(`${server!.version.split(",")[0]}\n`);

  connectDatabase(database.url, { max: 2 });
  const { key } = await createApiKey((await import("@/lib/db/client")).db(), { name: `bench ${Date.now()}`, createdById: null });
  const agent = (await raw<{ id: string }[]>`select id from users where email = 'agent7@bench.test'`)[0]!.id;
  const team = (await raw<{ id: string }[]>`select id from teams where name = 'Team 3'`)[0]!.id;
  const bigTicket = (await raw<{ id: string }[]>`select id from tickets where last_message_seq = ${bigTicketMessages} limit 1`)[0]!.id;

  const authSecret = randomBytes(32).toString("base64url");
  const port = await freePort();
  process.stdout.write(`Starting the server (npm start, port ${port})…`);
  const startedAt = performance.now();
  app = await startApp({ port, databaseUrl: database.url, authSecret, onProgress: (e) => process.stdout.write(e === "building" ? " building…" : ".") });
  process.stdout.write(` healthy after ${elapsed(startedAt)}\n`);
  const headers = { authorization: `Bearer ${key}` };
  const get = (path: string) => fetch(`${app!.baseUrl}${path}`, { headers });

  // The cursor of page 40 of a view (or of its last page, for a smaller view), walked
  // through the API as a client would.
  async function deepCursor(query: string): Promise<{ cursor: string; page: number }> {
    let cursor = "";
    for (let page = 1; page < deepPage; page++) {
      const response = await get(`/api/v1/tickets?${query}&limit=${pageSize}${cursor ? `&cursor=${cursor}` : ""}`);
      const body = (await response.json()) as { nextCursor?: string | null };
      if (response.status !== 200) throw new Error(`GET /api/v1/tickets?${query}: HTTP ${response.status} ${JSON.stringify(body)}`);
      if (!body.nextCursor) {
        if (!cursor) throw new Error(`One page only of ${query}`);
        return { cursor, page };
      }
      cursor = body.nextCursor;
    }
    return { cursor, page: deepPage };
  }
  const views: [string, string][] = [
    ["All open", "status=open"],
    ["Mine", `status=open&assignee=${agent}`],
    ["a team", `status=open&team=${team}`],
    ["a tag", "status=open&tag=billing"],
  ];
  const cases: Case[] = [];
  for (const [label, query] of views) {
    const { cursor, page } = await deepCursor(query);
    cases.push({ name: `${label}, first page`, target: listTargetMs, request: () => get(`/api/v1/tickets?${query}&limit=${pageSize}`) });
    cases.push({
      name: `${label}, page ${page} (keyset)`,
      target: listTargetMs,
      request: () => get(`/api/v1/tickets?${query}&limit=${pageSize}&cursor=${cursor}`),
    });
  }
  cases.push({ name: "ticket with 500 messages", target: listTargetMs * 4, request: () => get(`/api/v1/tickets/${bigTicket}`) });
  cases.push({ name: `search, rare word (${rareWord})`, target: searchTargetMs, request: () => get(`/api/v1/tickets?q=${rareWord}&limit=${pageSize}`) });
  cases.push({ name: `search, common word (${commonWord})`, target: searchTargetMs, request: () => get(`/api/v1/tickets?q=${commonWord}&limit=${pageSize}`) });
  cases.push({
    name: `search, common word in open`,
    target: searchTargetMs,
    request: () => get(`/api/v1/tickets?q=${commonWord}&status=open&limit=${pageSize}`),
  });

  process.stdout.write(`\nPlans (EXPLAIN of the SQL the list function sends)\n`);
  const capture = capturingDatabase(raw);
  const planned: [string, Omit<TicketListFilter, "limit">][] = [
    ["All open", { status: "open" }],
    ["Mine", { status: "open", assigneeId: agent }],
    ["a team", { status: "open", teamId: team }],
    ["a tag", { status: "open", tag: "billing" }],
    ["search rare", { q: rareWord }],
    ["search common", { q: commonWord }],
  ];
  for (const [label, filter] of planned) {
    const [statement] = await capture.statements((q) => listTicketSummaries(q, { ...filter, limit: pageSize }));
    process.stdout.write(`  ${label}: ${accessPaths(await explain(raw, statement!))}\n`);
  }

  process.stdout.write(`\nMeasuring at the HTTP API: ${warmUp} warm-up + ${iterations} requests per case, one at a time\n`);
  const rows: { name: string; summary: Summary; target: number }[] = [];
  for (const benchCase of cases) {
    rows.push({ name: benchCase.name, summary: await measure(benchCase), target: benchCase.target });
  }

  // Bulk: 5,000 open tickets of one team get a priority, then back, each one request.
  const bulkIds = (await raw<{ id: string }[]>`select id from tickets where status = 'open' order by last_message_at desc limit ${bulkSize}`).map((r) => r.id);
  const bulkTimes: number[] = [];
  for (const priority of ["urgent", "normal", "urgent", "normal"]) {
    const started = performance.now();
    const response = await fetch(`${app.baseUrl}/api/v1/tickets/bulk`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ ticketIds: bulkIds, change: { priority } }),
    });
    const body = (await response.json()) as { changed?: number };
    bulkTimes.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`bulk: HTTP ${response.status} ${JSON.stringify(body)}`);
  }

  process.stdout.write(`\nLoad average now ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}\n\n`);
  for (const target of [listTargetMs, listTargetMs * 4, searchTargetMs]) {
    const group = rows.filter((row) => row.target === target);
    if (group.length) process.stdout.write(percentileChart(group, target, ["p50", "p95", "p99", "max"]) + "\n");
  }
  const bulk = summarize(bulkTimes);
  process.stdout.write(
    `Bulk update of ${bulkSize.toLocaleString("en")} tickets (4 runs): p50 ${bulk.p50.toFixed(0)} ms, max ${bulk.max.toFixed(0)} ms — ≤ ${bulkTargetMs} ms: ${bulk.max <= bulkTargetMs ? "meets" : "MISSES"}\n`,
  );
  const missed = rows.filter((row) => row.summary.p95 > row.target).length + (bulk.max > bulkTargetMs ? 1 : 0);
  process.stdout.write(`\n${missed ? `${missed} of ${rows.length + 1} cases MISS their targets` : `All ${rows.length + 1} cases meet their targets`}\n`);
  await raw.end();
  return missed ? 1 : 0;
}

async function cleanUp() {
  await app?.stop().catch(() => {});
  await closeDatabase().catch(() => {});
  await database?.dispose().catch(() => {});
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

runBenchmark(main, cleanUp);
