import os from "node:os";
import postgres from "postgres";
import { closeDatabase, connectDatabase, type Database } from "@/lib/db/client";
import { accessPaths, capturingDatabase, explain } from "@/lib/testing/query-plans";
import { findTicketWithMessages, listTicketSummaries, type TicketCursor } from "@/lib/tickets/ticket-queries";
import { provisionBenchDatabase, type BenchDatabase } from "./support/database";
import { elapsed, percentileChart, summarize, type Summary } from "./support/report";
import { runBenchmark } from "./support/run-benchmark";

// npm run bench:inbox — the inbox list and the ticket page on a large workspace: 100,000
// tickets over 20,000 customers with ~4 messages each and 90 days of activity, queried
// through the app's own query functions. Target: p95 ≤ 50 ms per query on this project's
// 2-core reference machine, one query at a time.

const scale = { tickets: 100_000, customers: 20_000, agents: 10, days: 90, chunks: 10 };
const pageSize = 25;
const deepPage = 40;
const iterations = 200;
const warmUp = 20;
const targetMs = 50;

const lorem =
  "I placed the order last week and the tracking page has not changed since. Could you check what is going on " +
  "and let me know when it will arrive? I also need a corrected invoice with our company's VAT number on it.";

/** The body of message `seq` of a ticket, as SQL: odd messages from the customer, even ones from an agent. */
const bodySql = (subject: string, seq: string) =>
  `case when ${seq} % 2 = 1 then 'Hello, about "' || ${subject} || '" (message ' || ${seq} || '). ' || '${lorem.replace(/'/g, "''")}' ` +
  `else 'Thanks for getting in touch about "' || ${subject} || '". We are looking into it and will update you shortly.' end`;

// Set-based: one statement per chunk, all randomness from a seeded random() on one connection.
const insertAgents = `
  insert into users (id, email, name, role, created_at)
  select md5('bench-agent-' || n)::uuid, 'agent' || n || '@bench.test', 'Agent ' || n, 'agent', now() - interval '1 year'
  from generate_series(1, ${scale.agents}) n`;

const insertCustomers = `
  insert into customers (id, name, email, created_at, updated_at)
  select md5('bench-customer-' || n)::uuid, 'Customer ' || n, 'customer' || n || '@example.test', at, at
  from (select n, now() - interval '200 days' + random() * interval '110 days' as at
        from generate_series(1, ${scale.customers}) n) c`;

const insertIdentities = `
  insert into customer_identities (customer_id, kind, value, created_at)
  select id, 'email', email, created_at from customers`;

// Older tickets are mostly resolved; recent ones mostly open or pending. A few customers
// write often (power < 1 skews towards low numbers), and so does agent 1's queue.
const insertTickets = `
  with s as (
    select n,
      now() - random() * interval '${scale.days} days' as last_at,
      1 + floor(random() * 7)::int as message_count,
      random() as r_status, random() as r_priority, random() as r_channel, random() as r_tags,
      random() as r_unassigned, random() as r_agent, random() as r_customer, random() as r_span,
      (array['Order','Refund','Login','Invoice','Shipping','Bug report','Account','Question'])[1 + floor(random() * 8)::int]
        || ' #' || n as subject
    from generate_series($1::int, $2::int) n
  ), t as (
    select s.*,
      (case when last_at > now() - interval '7 days'
        then case when r_status < 0.5 then 'open' when r_status < 0.75 then 'pending' else 'resolved' end
        else case when r_status < 0.06 then 'open' when r_status < 0.12 then 'pending' else 'resolved' end
      end)::ticket_status as status,
      last_at - (message_count - 1) * r_span * interval '16 hours' as created_at
    from s
  )
  insert into tickets (id, subject, status, priority, channel, customer_id, assignee_id, tags, last_message_seq,
    last_message_at, last_message_preview, first_response_at, resolved_at, created_at, updated_at)
  select md5('bench-ticket-' || n)::uuid, subject, status,
    (case when r_priority < 0.15 then 'low' when r_priority < 0.8 then 'normal' when r_priority < 0.95 then 'high' else 'urgent' end)::ticket_priority,
    (case when r_channel < 0.6 then 'email' when r_channel < 0.9 then 'chat' else 'phone' end)::channel_kind,
    md5('bench-customer-' || (1 + floor(power(r_customer, 1.5) * ${scale.customers}))::int)::uuid,
    case when r_unassigned < (case when status = 'open' then 0.35 else 0.08 end) then null
      else md5('bench-agent-' || (1 + floor(power(r_agent, 1.3) * ${scale.agents}))::int)::uuid end,
    case when r_tags < 0.5 then '{}'::text[] when r_tags < 0.7 then '{billing}' when r_tags < 0.85 then '{shipping}'
      when r_tags < 0.95 then '{bug}' else '{vip,billing}' end,
    message_count, last_at, left(${bodySql("subject", "message_count")}, 140),
    case when message_count > 1 then created_at + (last_at - created_at) / (message_count - 1) end,
    case when status = 'resolved' then last_at end,
    created_at, last_at
  from t`;

const insertMessages = `
  insert into messages (ticket_id, seq, direction, kind, author_user_id, author_customer_id, body_text, body_html, created_at)
  select t.id, m.seq,
    (case when m.seq % 2 = 1 then 'in' else 'out' end)::message_direction,
    (case when m.seq % 2 = 0 and random() < 0.1 then 'note' else 'reply' end)::message_kind,
    case when m.seq % 2 = 0 then coalesce(t.assignee_id, md5('bench-agent-1')::uuid) end,
    case when m.seq % 2 = 1 then t.customer_id end,
    ${bodySql("t.subject", "m.seq")},
    case when t.channel = 'email' then '<p>' || ${bodySql("t.subject", "m.seq")} || '</p>' end,
    t.created_at + (t.last_message_at - t.created_at) * ((m.seq - 1)::float8 / greatest(t.last_message_seq - 1, 1))
  from tickets t cross join lateral generate_series(1, t.last_message_seq) m(seq)
  where t.number between $1::int and $2::int`;

function progress(label: string, done: number, total: number, startedAt: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const line = `  ${label.padEnd(9)} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${String(Math.round((done / total) * 100)).padStart(3)}%  ${elapsed(startedAt)}`;
  process.stdout.write(process.stdout.isTTY ? `\r${line}` : done === total ? `${line}\n` : "");
  if (process.stdout.isTTY && done === total) process.stdout.write("\n");
}

async function generate(sql: postgres.Sql) {
  const startedAt = performance.now();
  process.stdout.write(
    `Generating ${scale.tickets.toLocaleString("en")} tickets, ${scale.customers.toLocaleString("en")} customers, ` +
      `${scale.agents} agents, ~${(scale.tickets * 4).toLocaleString("en")} messages over ${scale.days} days\n`,
  );
  await sql.begin(async (tx) => {
    await tx`select setseed(0.4242)`;
    await tx.unsafe(insertAgents);
    await tx.unsafe(insertCustomers);
    await tx.unsafe(insertIdentities);
    process.stdout.write(`  agents, customers and identities  ${elapsed(startedAt)}\n`);
    const chunk = scale.tickets / scale.chunks;
    const ticketsStartedAt = performance.now();
    for (let i = 0; i < scale.chunks; i++) {
      await tx.unsafe(insertTickets, [i * chunk + 1, (i + 1) * chunk]);
      progress("tickets", i + 1, scale.chunks, ticketsStartedAt);
    }
    const [range] = await tx<{ first: number; last: number }[]>`select min(number) first, max(number) last from tickets`;
    const { first, last } = range!;
    const messagesStartedAt = performance.now();
    const span = Math.ceil((last - first + 1) / scale.chunks);
    for (let i = 0; i < scale.chunks; i++) {
      await tx.unsafe(insertMessages, [first + i * span, first + (i + 1) * span - 1]);
      progress("messages", i + 1, scale.chunks, messagesStartedAt);
    }
  });
  const analyzeStartedAt = performance.now();
  await sql`vacuum analyze`;
  process.stdout.write(`  vacuum analyze  ${elapsed(analyzeStartedAt)}\n`);

  const [counts] = await sql<{ tickets: number; customers: number; messages: number }[]>`
    select (select count(*)::int from tickets) tickets, (select count(*)::int from customers) customers,
           (select count(*)::int from messages) messages`;
  const spread = await sql<{ status: string; n: number }[]>`select status, count(*)::int n from tickets group by 1 order by 1`;
  const [unassigned] = await sql<{ n: number }[]>`select count(*)::int n from tickets where assignee_id is null`;
  const channels = await sql<{ channel: string; n: number }[]>`select channel, count(*)::int n from tickets group by 1 order by 1`;
  process.stdout.write(
    `Generated ${counts!.tickets.toLocaleString("en")} tickets, ${counts!.customers.toLocaleString("en")} customers, ` +
      `${counts!.messages.toLocaleString("en")} messages in ${elapsed(startedAt)}\n` +
      `  status: ${spread.map((row) => `${row.status} ${row.n}`).join(", ")}; unassigned ${unassigned!.n}; ` +
      `channel: ${channels.map((row) => `${row.channel} ${row.n}`).join(", ")}\n`,
  );
}

type Case = { name: string; run: (q: Database, iteration: number) => Promise<unknown> };

async function measure(db: Database, benchCase: Case): Promise<Summary> {
  for (let i = 0; i < warmUp; i++) await benchCase.run(db, -1 - i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const startedAt = performance.now();
    await benchCase.run(db, i);
    samples.push(performance.now() - startedAt);
  }
  return summarize(samples);
}

let database: BenchDatabase | null = null;
let raw: postgres.Sql | null = null;

async function main(): Promise<number> {
  const cpu = os.cpus();
  process.stdout.write(`bench:inbox on ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"})\n`);
  database = await provisionBenchDatabase("inbox");
  process.stdout.write(`Fresh ${database.description}, migrations applied\n`);
  raw = postgres(database.url, { max: 1, onnotice: () => {} });
  const [server] = await raw<{ version: string }[]>`select version()`;
  process.stdout.write(`${server!.version.split(",")[0]}\n\n`);

  await generate(raw);

  const db = connectDatabase(database.url);
  const agents = (await raw<{ id: string }[]>`select id from users where role = 'agent' order by email`).map((row) => row.id);
  const ticketIds = (await raw<{ id: string }[]>`select id from tickets order by random() limit ${iterations + warmUp}`).map(
    (row) => row.id,
  );

  const walkStartedAt = performance.now();
  let cursor: TicketCursor | null = null;
  for (let page = 1; page < deepPage; page++) {
    const result: { nextCursor: TicketCursor | null } = await listTicketSummaries(db, { limit: pageSize, cursor: cursor ?? undefined });
    cursor = result.nextCursor;
  }
  if (!cursor) throw new Error(`Fewer than ${deepPage} pages of tickets`);
  const deepCursor = cursor;
  process.stdout.write(`\nWalked pages 1–${deepPage - 1} by cursor in ${(performance.now() - walkStartedAt).toFixed(0)} ms\n`);

  const cases: Case[] = [
    { name: "inbox, first page", run: (q) => listTicketSummaries(q, { limit: pageSize }) },
    { name: "status=open, first page", run: (q) => listTicketSummaries(q, { limit: pageSize, status: "open" }) },
    {
      name: "assignee=<agent>, first page",
      run: (q, i) => listTicketSummaries(q, { limit: pageSize, assigneeId: agents[Math.abs(i) % agents.length] }),
    },
    { name: "assignee=none, first page", run: (q) => listTicketSummaries(q, { limit: pageSize, assigneeId: "none" }) },
    { name: `inbox, page ${deepPage} (cursor)`, run: (q) => listTicketSummaries(q, { limit: pageSize, cursor: deepCursor }) },
    {
      name: "ticket with messages",
      run: (q, i) => findTicketWithMessages(q, ticketIds[i < 0 ? iterations - 1 - i : i]!),
    },
  ];

  const capture = capturingDatabase(raw);
  process.stdout.write(`\nPlans (EXPLAIN of the SQL each function sends)\n`);
  const [firstPage] = await capture.statements((q) => cases[0]!.run(q, 0));
  process.stdout.write(`${cases[0]!.name}:\n${(await explain(raw, firstPage!)).map((line) => `    ${line}`).join("\n")}\n`);
  for (const benchCase of cases.slice(1)) {
    for (const statement of await capture.statements((q) => benchCase.run(q, 0))) {
      process.stdout.write(`${benchCase.name}: ${accessPaths(await explain(raw, statement))}\n`);
    }
  }

  process.stdout.write(`\nMeasuring: ${warmUp} warm-up + ${iterations} timed runs per query, one at a time, limit ${pageSize}\n`);
  const rows: { name: string; summary: Summary }[] = [];
  for (const benchCase of cases) {
    const startedAt = performance.now();
    const summary = await measure(db, benchCase);
    rows.push({ name: benchCase.name, summary });
    process.stdout.write(`  ${benchCase.name.padEnd(30)} done in ${elapsed(startedAt)}\n`);
  }

  process.stdout.write(
    `\nInbox queries, ${scale.tickets.toLocaleString("en")} tickets / ${(await countMessages(raw)).toLocaleString("en")} messages ` +
      `(${database.description.startsWith("embedded") ? "embedded PostgreSQL" : "DATABASE_URL's server"})\n`,
  );
  process.stdout.write(percentileChart(rows, targetMs));

  const missed = rows.filter((row) => row.summary.p95 > targetMs);
  for (const row of missed) {
    const benchCase = cases.find((c) => c.name === row.name)!;
    process.stdout.write(`\n${row.name} misses its target; EXPLAIN ANALYZE:\n`);
    for (const statement of await capture.statements((q) => benchCase.run(q, 0))) {
      process.stdout.write(`${(await explain(raw, statement, true)).map((line) => `    ${line}`).join("\n")}\n`);
    }
  }
  process.stdout.write(`\n${missed.length ? `${missed.length} of ${rows.length} queries MISS` : `All ${rows.length} queries meet`} p95 ≤ ${targetMs} ms\n`);
  return missed.length ? 1 : 0;
}

async function countMessages(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int n from messages`;
  return row!.n;
}

async function cleanUp() {
  await raw?.end({ timeout: 5 }).catch(() => {});
  await closeDatabase().catch(() => {});
  const disposing = database;
  database = null;
  if (!disposing) return;
  await disposing.dispose().then(
    () => process.stdout.write(`Removed ${disposing.description}\n`),
    (error: unknown) => process.stderr.write(`Could not remove the database: ${String(error)}\n`),
  );
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

runBenchmark(main, cleanUp);
